package io.redline.gateway.cache;

import org.eclipse.jetty.http.HttpFields;

/**
 * The request headers the cache answers itself from a stored response, each as one comma-joined value or
 * {@code null} when absent.
 *
 * @param ifMatch {@code If-Match}
 * @param ifNoneMatch {@code If-None-Match}
 * @param ifModifiedSince {@code If-Modified-Since}
 * @param ifUnmodifiedSince {@code If-Unmodified-Since}
 * @param range {@code Range}
 * @param ifRange {@code If-Range}
 */
public record RequestConditions(String ifMatch, String ifNoneMatch, String ifModifiedSince, String ifUnmodifiedSince,
                                String range, String ifRange) {

    public static final RequestConditions NONE = new RequestConditions(null, null, null, null, null, null);

    public static RequestConditions of(HttpFields headers) {
        return new RequestConditions(joined(headers, "If-Match"), joined(headers, "If-None-Match"),
                headers.get("If-Modified-Since"), headers.get("If-Unmodified-Since"), joined(headers, "Range"),
                headers.get("If-Range"));
    }

    private static String joined(HttpFields headers, String name) {
        java.util.List<String> values = headers.getValuesList(name);
        return values.isEmpty() ? null : String.join(", ", values);
    }
}
