package io.redline.core.config;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A read-only view of environment variables. Blank values count as unset, the way a Kubernetes manifest
 * that declares {@code FOO: ""} means "use the default".
 */
public final class Env {

    private final Map<String, String> variables;

    private Env(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    /** The environment of this process. */
    public static Env system() {
        return new Env(System.getenv());
    }

    public static Env of(Map<String, String> variables) {
        return new Env(variables);
    }

    /** The set variables whose names start with {@code prefix} (blank ones left out), by name. */
    public Map<String, String> startingWith(String prefix) {
        Map<String, String> found = new TreeMap<>();
        variables.forEach((name, value) -> {
            if (name.startsWith(prefix) && !value.isBlank()) {
                found.put(name, value.trim());
            }
        });
        return found;
    }

    public Optional<String> get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
