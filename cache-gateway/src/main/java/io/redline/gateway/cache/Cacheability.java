package io.redline.gateway.cache;

import io.redline.core.swr.Loaded;
import io.redline.gateway.origin.OriginResponse;
import java.util.regex.Pattern;

/**
 * What a shared cache does with an origin response. It may store a 200 with a body within the size limit, and
 * none of {@code Cache-Control: no-store} or {@code private}, {@code Set-Cookie} (one user's session), or a
 * {@code Vary} other than {@code Accept-Encoding} (the key does not hold the request headers it would need). A
 * server error is an {@linkplain Loaded#error error} of the load: relayed to its caller, and a refresh that gets
 * one keeps the stale value, and so does a {@code 304} that answers no validator the load sent. Anything else passes
 * through to its caller only.
 */
public final class Cacheability {

    private static final Pattern NOT_SHAREABLE = Pattern.compile("(^|[,\\s])(no-store|private)([,\\s=]|$)");

    private Cacheability() {
    }

    /** @return the response as stored, passed through, or an error to relay */
    public static Loaded<OriginResponse> classify(OriginResponse response) {
        if (response.isServerError()) {
            return Loaded.error(response, "origin answered " + response.status());
        }
        if (response.status() == 304) {
            // a load is unconditional, so a 304 answers nothing the cache asked: never a "pass" that would delete
            // the stored entry (a refresh that gets one fails and keeps the stale copy)
            return Loaded.error(response, "origin answered 304 to a load without a matching validator");
        }
        boolean storable = response.status() == 200
                && !response.isStreamed()
                && !NOT_SHAREABLE.matcher(response.joined("cache-control")).find()
                && response.header("set-cookie").isEmpty()
                && varyAllowsSharing(response.joined("vary"));
        return storable ? Loaded.store(response) : Loaded.passThrough(response);
    }

    private static boolean varyAllowsSharing(String vary) {
        for (String field : vary.split(",")) {
            String name = field.trim();
            if (!name.isEmpty() && !name.equals("accept-encoding")) {
                return false;
            }
        }
        return true;
    }
}
