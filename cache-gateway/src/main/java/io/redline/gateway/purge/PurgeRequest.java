package io.redline.gateway.purge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import io.redline.gateway.cache.CacheKey;
import java.util.Iterator;

/**
 * What to purge: one cache key, or every key under a prefix. Given as the query ({@code ?key=/a%3Fb%3D1} or
 * {@code ?prefix=/api/}) or as a JSON body ({@code {"key":"/a?b=1"}} or {@code {"prefix":"/api/"}}).
 *
 * @param key the cache key (path and query, the query sorted as the cache sorts it), or {@code null}
 * @param prefix the prefix of the cache keys, or {@code null}
 */
record PurgeRequest(String key, String prefix) {

    static final String USAGE = "name one key or one prefix, as {\"key\":\"/path?query\"} or"
            + " {\"prefix\":\"/path/\"} in the body, or as ?key= or ?prefix= in the query";

    /**
     * @param key the {@code key} query parameter (decoded) or {@code null}
     * @param prefix the {@code prefix} query parameter (decoded) or {@code null}
     * @param body the request body, empty for none
     * @throws IllegalArgumentException with a message for the client
     */
    static PurgeRequest parse(String key, String prefix, String body) {
        if (!body.isBlank()) {
            if (key != null || prefix != null) {
                throw new IllegalArgumentException("give the key or prefix in the query or in the body, not both");
            }
            JsonNode json;
            try {
                json = Json.mapper().readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage());
            }
            if (json == null || !json.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object: " + USAGE);
            }
            for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!name.equals("key") && !name.equals("prefix")) {
                    throw new IllegalArgumentException("unknown field \"" + name + "\": " + USAGE);
                }
                if (!json.get(name).isTextual()) {
                    throw new IllegalArgumentException("\"" + name + "\" must be a string");
                }
            }
            key = json.hasNonNull("key") ? json.get("key").asText() : null;
            prefix = json.hasNonNull("prefix") ? json.get("prefix").asText() : null;
        }
        if ((key == null) == (prefix == null)) {
            throw new IllegalArgumentException(USAGE);
        }
        if (key != null) {
            return new PurgeRequest(normalized(check("key", key)), null);
        }
        return new PurgeRequest(null, check("prefix", prefix));
    }

    private static String check(String name, String value) {
        if (!value.startsWith("/")) {
            throw new IllegalArgumentException(name + " must start with /, but was \"" + value + "\"");
        }
        return value;
    }

    /** The cache key as the gateway makes it of a request: the query parameters sorted. */
    private static String normalized(String key) {
        int question = key.indexOf('?');
        return question < 0 ? key : CacheKey.of(key.substring(0, question), key.substring(question + 1));
    }
}
