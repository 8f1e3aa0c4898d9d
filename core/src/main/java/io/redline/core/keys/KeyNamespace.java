package io.redline.core.keys;

import java.util.regex.Pattern;

/**
 * The optional prefix of every key and channel ({@code REDLINE_NAMESPACE}): {@code staging} turns
 * {@code chat:history:{general}} into {@code staging:chat:history:{general}}. Empty by default, so that the
 * key names of the contract (docs/contract.md) are exact.
 *
 * @param name the namespace, empty for none
 */
public record KeyNamespace(String name) {

    public static final KeyNamespace NONE = new KeyNamespace("");
    public static final String ALLOWED = "1 to 32 characters of A-Z, a-z, 0-9, _, - and . (or empty for none)";

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    public KeyNamespace {
        if (name == null || !(name.isEmpty() || FORMAT.matcher(name).matches())) {
            throw new IllegalArgumentException("namespace must be " + ALLOWED + ", but was \"" + name + "\"");
        }
    }

    /** The full name of a key or channel. */
    public String apply(String key) {
        return name.isEmpty() ? key : name + ":" + key;
    }
}
