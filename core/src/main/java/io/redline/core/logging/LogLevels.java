package io.redline.core.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;

/**
 * {@code LOG_LEVEL} (the root level) and {@code LOG_LEVELS} (levels of loggers and their children, e.g.
 * {@code io.redline.events=debug,org.redisson=warn}).
 *
 * @param root the root logger's level
 * @param loggers levels by logger name, in the order given
 */
public record LogLevels(Level root, Map<String, Level> loggers) {

    public static final LogLevels DEFAULT = new LogLevels(Level.INFO, Map.of());
    static final String LEVELS = "one of trace, debug, info, warn, error, off";
    private static final Pattern LOGGER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

    public LogLevels {
        if (root == null) {
            throw new IllegalArgumentException("root level must be " + LEVELS + ", but was null");
        }
        loggers = Map.copyOf(loggers);
    }

    /**
     * @throws IllegalArgumentException saying what is allowed
     */
    public static Level level(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT);
        return switch (name) {
            case "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF" -> Level.toLevel(name);
            default -> throw new IllegalArgumentException("must be " + LEVELS);
        };
    }

    /**
     * Parses {@code logger=level} pairs separated by commas; blanks around them are ignored.
     *
     * @throws IllegalArgumentException naming the pair that is wrong and saying what is allowed
     */
    public static Map<String, Level> loggers(String text) {
        Map<String, Level> loggers = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String logger = equals < 0 ? "" : pair.substring(0, equals).trim();
            if (!LOGGER.matcher(logger).matches()) {
                throw new IllegalArgumentException("must be logger=level pairs separated by commas, e.g. "
                        + "io.redline.events=debug,org.redisson=warn; \"" + pair.trim() + "\" is not one");
            }
            try {
                loggers.put(logger, level(pair.substring(equals + 1)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the level of " + logger + " must be " + LEVELS, e);
            }
        }
        return loggers;
    }

    /**
     * What the variables say, as far as they can be read: Logback is set up before the configuration is checked
     * (which then stops the process on a bad value), so a bad value here just keeps the default.
     */
    static LogLevels lenient(String root, String loggers) {
        Level rootLevel = Level.INFO;
        Map<String, Level> levels = Map.of();
        try {
            rootLevel = root == null || root.isBlank() ? Level.INFO : level(root);
        } catch (IllegalArgumentException e) {
            // reported by CommonConfig
        }
        try {
            levels = loggers == null ? Map.of() : loggers(loggers);
        } catch (IllegalArgumentException e) {
            // reported by CommonConfig
        }
        return new LogLevels(rootLevel, levels);
    }

    void applyTo(LoggerContext context) {
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(root);
        loggers.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }
}
