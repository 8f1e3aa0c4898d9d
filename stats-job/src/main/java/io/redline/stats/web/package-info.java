/** {@code serve}: the dashboard page (SVG charts drawn by the page itself) and its JSON endpoints. */
package io.redline.stats.web;
