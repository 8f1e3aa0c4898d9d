package io.redline.core.logging;

import java.util.Locale;

/** {@code LOG_FORMAT}: human-readable text, or one JSON object per line for log collectors. */
public enum LogFormat {
    TEXT,
    JSON;

    /** The format named by the variable; unknown or missing means text (configuration validation reports it). */
    static LogFormat lenient(String value) {
        return value != null && value.trim().toUpperCase(Locale.ROOT).equals("JSON") ? JSON : TEXT;
    }
}
