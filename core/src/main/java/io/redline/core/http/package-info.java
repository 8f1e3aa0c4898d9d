/** The one way Redline runs a Jetty server: named thread pool, graceful stop, no Date/Server headers of its own. */
package io.redline.core.http;
