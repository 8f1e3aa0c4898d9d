package io.redline.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Reads typed values from an {@link Env} and collects every error instead of stopping at the first one.
 * A bad value yields its default so that reading can go on; {@link #throwIfInvalid()} ends the reading.
 */
public final class ConfigReader {

    private final Env env;
    private final List<ConfigError> errors = new ArrayList<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Set<String> asked = new LinkedHashSet<>();

    public ConfigReader(Env env) {
        this.env = env;
    }

    public Optional<String> optional(String name) {
        return lookUp(name);
    }

    /**
     * A secret: {@code NAME}, or the content of the file that {@code NAME_FILE} names (a Kubernetes Secret mounted
     * as a file; one trailing line break is dropped). Its value is never echoed in an error.
     */
    public Optional<String> secret(String name) {
        String fileVariable = name + "_FILE";
        Optional<String> direct = lookUp(name);
        Optional<String> file = lookUp(fileVariable);
        if (file.isEmpty()) {
            return direct;
        }
        if (direct.isPresent()) {
            errors.add(new ConfigError(fileVariable, file.get(), "set " + name + " or " + fileVariable + ", not both"));
            return direct;
        }
        try {
            String content = Files.readString(Path.of(file.get())).replaceFirst("\\r?\\n\\z", "");
            if (content.isEmpty()) {
                errors.add(new ConfigError(fileVariable, file.get(), "the file is empty"));
                return Optional.empty();
            }
            return Optional.of(content);
        } catch (IOException | InvalidPathException e) {
            errors.add(new ConfigError(fileVariable, file.get(), "must name a readable file (" + e.getClass()
                    .getSimpleName() + ")"));
            return Optional.empty();
        }
    }

    public String string(String name, String defaultValue) {
        return lookUp(name).orElse(defaultValue);
    }

    public String required(String name, String allowed) {
        Optional<String> value = lookUp(name);
        if (value.isEmpty()) {
            errors.add(new ConfigError(name, null, "required: " + allowed));
            return "";
        }
        return value.get();
    }

    public int integer(String name, int defaultValue, int min, int max) {
        String allowed = "must be a whole number from " + min + " to " + max;
        return parsed(name, defaultValue, text -> {
            int value;
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(allowed, e);
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException(allowed);
            }
            return value;
        });
    }

    /** A port from 1 to 65535, which must differ from every other port read (see {@link #portVariable}). */
    public int port(String name, int defaultValue) {
        return recordPort(name, () -> integer(name, defaultValue, 1, 65_535));
    }

    /** As {@link #port}, but 0 is allowed too: it picks a free port. */
    public int portOrAny(String name, int defaultValue) {
        return recordPort(name, () -> integer(name, defaultValue, 0, 65_535));
    }

    /**
     * The variable that set a port read by {@link #port} or {@link #portOrAny}, so that a server that cannot
     * listen can name it. Unambiguous, because two variables with the same port are refused.
     */
    public Optional<String> portVariable(int port) {
        return ports.entrySet().stream().filter(entry -> port != 0 && entry.getValue() == port)
                .map(Map.Entry::getKey).findFirst();
    }

    private int recordPort(String name, IntSupplier read) {
        int before = errors.size();
        int port = read.getAsInt();
        if (errors.size() > before) {
            return port;
        }
        for (Map.Entry<String, Integer> other : ports.entrySet()) {
            if (port != 0 && other.getValue() == port) {
                rejectSamePort(name, other.getKey(), port);
                return port;
            }
        }
        ports.put(name, port);
        return port;
    }

    /** Blames the variable that is set; when only the other one is, its value meets the first one's default. */
    private void rejectSamePort(String later, String earlier, int port) {
        boolean laterSet = env.get(later).isPresent();
        boolean earlierSet = env.get(earlier).isPresent();
        String blamed = laterSet || !earlierSet ? later : earlier;
        String other = blamed.equals(later) ? earlier : later;
        boolean otherSet = blamed.equals(later) ? earlierSet : laterSet;
        errors.add(new ConfigError(blamed, env.get(blamed).orElse(null),
                "must differ from " + other + ", which is " + port + (otherSet ? " too" : " by default")));
    }

    /** A duration of at least {@code min}. */
    public Duration duration(String name, Duration defaultValue, Duration min) {
        return duration(name, defaultValue, min, null);
    }

    /** A duration from {@code min} to {@code max} ({@code null}: no upper bound). */
    public Duration duration(String name, Duration defaultValue, Duration min, Duration max) {
        return parsed(name, defaultValue, text -> {
            Duration value;
            try {
                value = Durations.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be " + Durations.SYNTAX, e);
            }
            if (max != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
                throw new IllegalArgumentException("must be from " + Durations.format(min) + " to "
                        + Durations.format(max));
            }
            if (value.compareTo(min) < 0) {
                throw new IllegalArgumentException("must be at least " + Durations.format(min));
            }
            return value;
        });
    }

    /** One of an enum's constants, written in lower case ({@code text}, {@code json}). */
    public <E extends Enum<E>> E choice(String name, E defaultValue, Class<E> type) {
        String allowed = Arrays.stream(type.getEnumConstants())
                .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ", "must be one of ", ""));
        return parsed(name, defaultValue, text -> {
            try {
                return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(allowed, e);
            }
        });
    }

    /**
     * A value read with a parser whose {@link IllegalArgumentException} message says what is allowed.
     */
    public <T> T parsed(String name, T defaultValue, Function<String, T> parser) {
        return parsed(name, defaultValue, parser, UnaryOperator.identity());
    }

    /**
     * As {@link #parsed(String, Object, Function)}, with {@code mask} applied to the value before it is shown
     * in an error (to hide a password, for instance).
     */
    public <T> T parsed(String name, T defaultValue, Function<String, T> parser, UnaryOperator<String> mask) {
        Optional<String> text = lookUp(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            return parser.apply(text.get());
        } catch (IllegalArgumentException e) {
            errors.add(new ConfigError(name, mask.apply(text.get()), e.getMessage()));
            return defaultValue;
        }
    }

    /**
     * Records an error found by a check across several variables.
     *
     * @param shownValue the value as it may be printed (masked if secret), {@code null} when unset
     */
    public void reject(String name, String shownValue, String allowed) {
        errors.add(new ConfigError(name, shownValue, allowed));
    }

    /**
     * Every variable asked for so far, in the order first asked: what {@code --help} lists, read off the same
     * code that reads the configuration so that the list cannot fall behind it.
     */
    public List<String> variablesAsked() {
        return List.copyOf(asked);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /**
     * @throws ConfigException holding every error read so far
     */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
    }

    private Optional<String> lookUp(String name) {
        asked.add(name);
        return env.get(name);
    }
}
