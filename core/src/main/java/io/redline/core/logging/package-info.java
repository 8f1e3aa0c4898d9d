/**
 * Logging set-up: Logback, to standard error, as text or as one JSON object per line ({@code LOG_FORMAT}).
 * Standard output stays free for what one-shot commands print.
 */
package io.redline.core.logging;
