package io.redline.gateway.cache;

import io.redline.core.swr.Loaded;
import io.redline.gateway.origin.OriginResponse;
import java.util.regex.Pattern;

/**
 * Which origin responses a shared cache may store: a 200 with a body within the size limit, and none of
 * {@code Cache-Control: no-store} or {@code private}, {@code Set-Cookie} (one user's session), or a {@code Vary}
 * other than {@code Accept-Encoding} (the key does not hold the request headers it would need). Server errors fail
 * the load, so that a refresh keeps the stale value.
 */
public final class Cacheability {

    private static final Pattern NOT_SHAREABLE = Pattern.compile("(^|[,\\s])(no-store|private)([,\\s=]|$)");

    private Cacheability() {
    }

    public static Loaded<OriginResponse> of(OriginResponse response) {
        if (response.status() >= 500) {
            throw new OriginErrorException(response);
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
