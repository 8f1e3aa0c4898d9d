package io.redline.core.keys;

import io.redline.core.text.Printable;
import java.util.regex.Pattern;

/**
 * What a user-supplied part of a key may contain. Braces, spaces, control characters and over-long values are
 * always refused: a brace could move the key's hash tag, and the rest could address or forge another key.
 */
public final class KeyRule {

    private static final int ECHOED_CODE_POINTS = 80;

    private final String kind;
    private final int maxLength;
    private final String extraCharacters;
    private final Pattern pattern;

    /**
     * @param kind what the part is, for messages ("room", "client id")
     * @param maxLength the longest accepted value
     * @param extraCharacters printable ASCII allowed besides {@code A-Z a-z 0-9 _ -} (never braces or spaces)
     */
    public KeyRule(String kind, int maxLength, String extraCharacters) {
        if (maxLength < 1 || maxLength > 512) {
            throw new IllegalArgumentException("maxLength must be from 1 to 512, but was " + maxLength);
        }
        if (extraCharacters.chars().anyMatch(c -> c == '{' || c == '}' || c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("extraCharacters must be printable ASCII other than braces and"
                    + " space, but was \"" + extraCharacters + "\"");
        }
        this.kind = kind;
        this.maxLength = maxLength;
        this.extraCharacters = extraCharacters;
        StringBuilder allowed = new StringBuilder("[A-Za-z0-9_\\-");
        extraCharacters.chars().forEach(c -> allowed.append('\\').append((char) c));
        this.pattern = Pattern.compile(allowed.append("]+").toString());
    }

    /** Room names, user ids and the like: {@code [A-Za-z0-9_-]{1,64}}. */
    public static KeyRule identifier(String kind) {
        return new KeyRule(kind, 64, "");
    }

    /**
     * Returns the value if it is allowed.
     *
     * @throws InvalidKeyPartException saying what is allowed and echoing the value (control characters escaped)
     */
    public String check(String value) {
        if (value == null || value.isEmpty() || value.length() > maxLength || !pattern.matcher(value).matches()) {
            throw new InvalidKeyPartException(kind + " must be " + description() + ", but was "
                    + (value == null ? "null" : "\"" + Printable.of(value, ECHOED_CODE_POINTS) + "\""));
        }
        return value;
    }

    public String description() {
        StringBuilder extra = new StringBuilder();
        for (char c : extraCharacters.toCharArray()) {
            extra.append(", ").append(c);
        }
        return "1 to " + maxLength + " characters of A-Z, a-z, 0-9, _, -" + extra;
    }
}
