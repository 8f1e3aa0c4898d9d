/**
 * Logging set-up: Logback, to standard error, as text or as one JSON object per line ({@code LOG_FORMAT}), at the
 * levels of {@code LOG_LEVEL} and {@code LOG_LEVELS}. Standard output stays free for what one-shot commands print.
 */
package io.redline.core.logging;
