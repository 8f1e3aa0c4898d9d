package io.redline.core.redis;

import java.util.Optional;
import java.util.regex.Pattern;
import org.redisson.client.RedisException;

/**
 * One script call's own answer in a pipeline: its value, or the error of this call alone.
 *
 * @param value the reply (Long, String, List or null), when there is no error
 * @param error what failed, or null
 */
public record ScriptReply(Object value, Throwable error) {

    /** Redis's own error replies start with an upper-case code: {@code WRONGTYPE ...}, {@code ERR ...}. */
    private static final Pattern ERROR_CODE = Pattern.compile("^[A-Z]{2,}\\s.*", Pattern.DOTALL);

    public static ScriptReply of(Object value) {
        return new ScriptReply(value, null);
    }

    public static ScriptReply failed(Throwable error) {
        return new ScriptReply(null, error);
    }

    public boolean ok() {
        return error == null;
    }

    /**
     * Redis's error reply when Redis itself refused this call for a reason that no retry will change (a key of the
     * wrong type, a value it cannot read); empty for success and for anything that may pass later: a lost
     * connection, a timeout, and the replies Redisson types for transient states ({@code OOM}, {@code BUSY},
     * {@code LOADING}, {@code READONLY}, {@code TRYAGAIN}, {@code CLUSTERDOWN}, {@code MASTERDOWN},
     * {@code NOSCRIPT}, ...), which are subclasses of {@link RedisException}. An ACL refusal ({@code NOPERM}) is no
     * refusal of the entry either: it passes once the user's rules are fixed, so the work is kept to retry.
     */
    public Optional<String> refusal() {
        if (error == null || error.getClass() != RedisException.class || error.getMessage() == null
                || !ERROR_CODE.matcher(error.getMessage()).matches() || RedisRefusal.of(error).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(serverText(error.getMessage()));
    }

    /** What went wrong, in a line: Redis's own words without Redisson's connection and command details. */
    public String describe() {
        if (error == null) {
            return "ok";
        }
        return error.getMessage() == null ? error.getClass().getSimpleName() : serverText(error.getMessage());
    }

    private static String serverText(String message) {
        String text = cut(cut(message, ". channel: "), " script: ");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static String cut(String text, String marker) {
        int at = text.indexOf(marker);
        return at < 0 ? text : text.substring(0, at);
    }
}
