package io.redline.gateway.cache;

import io.redline.core.json.Json;
import io.redline.gateway.origin.Header;
import io.redline.gateway.origin.OriginResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The answer to a request from a complete {@code 200} (stored, or just loaded for the cache): {@code 304},
 * {@code 412}, {@code 206} or {@code 416} when the request's conditions and range say so ({@link Conditional},
 * {@link ByteRange}), else the {@code 200} itself. Anything but a buffered {@code 200} is answered as it is.
 */
public final class ConditionalReply {

    /**
     * The fields a {@code 304} carries from the {@code 200} it stands for (RFC 9110 15.4.5): those a cache needs to
     * update its copy, and the validators; no other representation metadata.
     */
    private static final Set<String> NOT_MODIFIED_FIELDS = Set.of("cache-control", "content-location", "date",
            "etag", "expires", "vary", "last-modified");

    private ConditionalReply() {
    }

    /**
     * @param get whether the request is a {@code GET}: range applies to {@code GET} only (RFC 9110 14.2),
     *            conditions to {@code HEAD} as well
     */
    public static OriginResponse answer(RequestConditions request, boolean get, OriginResponse full) {
        if (full.status() != 200 || full.isStreamed()) {
            return full;
        }
        switch (Conditional.evaluate(request, full)) {
            case NOT_MODIFIED:
                return notModified(full);
            case PRECONDITION_FAILED:
                return error(412, "Precondition Failed", List.of());
            default:
                break;
        }
        if (!get || request.range() == null || !Conditional.rangeApplies(request, full)) {
            return full;
        }
        int length = full.body().length;
        ByteRange range = ByteRange.of(request.range(), length);
        switch (range.kind()) {
            case PARTIAL:
                List<Header> headers = new ArrayList<>(full.headers());
                headers.removeIf(h -> h.name().equalsIgnoreCase("content-range"));
                headers.add(new Header("Content-Range", "bytes " + range.first() + "-" + range.last() + "/"
                        + length));
                return new OriginResponse(206, headers, Arrays.copyOfRange(full.body(), (int) range.first(),
                        (int) range.last() + 1), null);
            case UNSATISFIABLE:
                return error(416, "Range Not Satisfiable", List.of(new Header("Content-Range", "bytes */" + length)));
            default:
                return full;
        }
    }

    private static OriginResponse notModified(OriginResponse full) {
        List<Header> headers = new ArrayList<>();
        for (Header header : full.headers()) {
            if (NOT_MODIFIED_FIELDS.contains(header.name().toLowerCase(Locale.ROOT))) {
                headers.add(header);
            }
        }
        return new OriginResponse(304, headers, new byte[0], null);
    }

    /** The gateway's own errors are JSON, never stored (as {@code 429}, {@code 502}, {@code 504}). */
    private static OriginResponse error(int status, String error, List<Header> extra) {
        List<Header> headers = new ArrayList<>(extra);
        headers.add(new Header("Content-Type", "application/json"));
        headers.add(new Header("Cache-Control", "no-store"));
        return new OriginResponse(status, headers, Json.write(Map.of("error", error)).getBytes(
                StandardCharsets.UTF_8), null);
    }
}
