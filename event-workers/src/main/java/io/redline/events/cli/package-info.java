/** The command line: {@code worker} (default), {@code emit}, {@code simulate}, {@code replay}, {@code dlq}, {@code bench}. */
package io.redline.events.cli;
