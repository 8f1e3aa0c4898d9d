package io.redline.core.cli;

import io.redline.core.config.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters that check an option's value while it is parsed, so that a bad one is reported as picocli reports
 * any bad value: {@code Invalid value for option '--every': must be ..., but was "0s"}, exit 2.
 */
public final class OptionValues {

    private OptionValues() {
    }

    /** A whole number of at least 1. */
    public static final class Positive implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return (int) whole(text, 1, Integer.MAX_VALUE);
        }
    }

    /** A whole number of at least 0. */
    public static final class NotNegative implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return (int) whole(text, 0, Integer.MAX_VALUE);
        }
    }

    /** A whole number of at least 0, as a long. */
    public static final class NotNegativeLong implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            return whole(text, 0, Long.MAX_VALUE);
        }
    }

    /** A probability: a decimal from 0 to 1. */
    public static final class Probability implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            try {
                double value = Double.parseDouble(text.trim());
                if (value >= 0 && value <= 1) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("must be a number from 0 to 1, but was \"" + text + "\"");
        }
    }

    /**
     * A pause between the rounds of a periodic task: at least a second, so that a task that fails, or a typo
     * such as {@code 0s}, cannot turn into a loop without pause.
     */
    public static final class Interval implements ITypeConverter<Duration> {

        public static final Duration MIN = Duration.ofSeconds(1);

        @Override
        public Duration convert(String text) {
            return durationAtLeast(text, MIN);
        }
    }

    /** @throws TypeConversionException saying what is allowed and what the text was */
    public static Duration durationAtLeast(String text, Duration min) {
        String allowed = "must be " + Durations.SYNTAX + ", of at least " + Durations.format(min);
        Duration value;
        try {
            value = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(allowed + ", but was \"" + text + "\"");
        }
        if (value.compareTo(min) < 0) {
            throw new TypeConversionException(allowed + ", but was \"" + text + "\"");
        }
        return value;
    }

    private static long whole(String text, long min, long max) {
        String allowed = "must be a whole number of at least " + min;
        try {
            long value = Long.parseLong(text.trim());
            if (value > max) {
                allowed = "must be a whole number from " + min + " to " + max;
            } else if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TypeConversionException(allowed + ", but was \"" + text + "\"");
    }
}
