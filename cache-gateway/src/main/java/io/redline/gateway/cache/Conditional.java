package io.redline.gateway.cache;

import io.redline.gateway.origin.OriginResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The preconditions of a {@code GET} or {@code HEAD} evaluated against a stored {@code 200}, in the order of
 * RFC 9110 13.2.2: {@code If-Match}, else {@code If-Unmodified-Since} (false: {@code 412}); then
 * {@code If-None-Match} (weak comparison, {@code *}, lists), else {@code If-Modified-Since} (false: {@code 304}).
 * Dates that do not parse are ignored, as RFC 9110 asks.
 */
public final class Conditional {

    /** What the preconditions decide. */
    public enum Result {
        /** Serve the response (Range may still apply). */
        PROCEED,
        /** {@code 304 Not Modified}. */
        NOT_MODIFIED,
        /** {@code 412 Precondition Failed}. */
        PRECONDITION_FAILED
    }

    private Conditional() {
    }

    public static Result evaluate(RequestConditions request, OriginResponse stored) {
        if (request.ifMatch() == null && request.ifUnmodifiedSince() == null && request.ifNoneMatch() == null
                && request.ifModifiedSince() == null) {
            // most requests: nothing to compare, so the stored validators are not parsed for each hit
            return Result.PROCEED;
        }
        EntityTag etag = EntityTag.parse(stored.header("etag").orElse(null));
        Optional<Instant> lastModified = HttpDate.parse(stored.header("last-modified").orElse(null));
        if (request.ifMatch() != null) {
            if (!isStar(request.ifMatch()) && !anyMatches(EntityTag.list(request.ifMatch()), etag, true)) {
                return Result.PRECONDITION_FAILED;
            }
        } else if (request.ifUnmodifiedSince() != null) {
            Optional<Instant> since = HttpDate.parse(request.ifUnmodifiedSince());
            if (since.isPresent() && (lastModified.isEmpty() || lastModified.get().isAfter(since.get()))) {
                return Result.PRECONDITION_FAILED;
            }
        }
        if (request.ifNoneMatch() != null) {
            return isStar(request.ifNoneMatch()) || anyMatches(EntityTag.list(request.ifNoneMatch()), etag, false)
                    ? Result.NOT_MODIFIED : Result.PROCEED;
        }
        if (request.ifModifiedSince() != null) {
            Optional<Instant> since = HttpDate.parse(request.ifModifiedSince());
            if (since.isPresent() && lastModified.isPresent() && !lastModified.get().isAfter(since.get())) {
                return Result.NOT_MODIFIED;
            }
        }
        return Result.PROCEED;
    }

    /**
     * Whether an {@code If-Range} lets the range apply: an entity tag matching the stored one strongly, or a date
     * equal to the stored {@code Last-Modified} (RFC 9110 13.1.5). Absent: the range applies.
     */
    public static boolean rangeApplies(RequestConditions request, OriginResponse stored) {
        String ifRange = request.ifRange();
        if (ifRange == null) {
            return true;
        }
        String value = ifRange.trim();
        if (value.startsWith("\"") || value.startsWith("W/")) {
            EntityTag wanted = EntityTag.parse(value);
            return wanted != null && wanted.stronglyMatches(EntityTag.parse(stored.header("etag").orElse(null)));
        }
        Optional<Instant> date = HttpDate.parse(value);
        Optional<Instant> lastModified = HttpDate.parse(stored.header("last-modified").orElse(null));
        return date.isPresent() && date.equals(lastModified);
    }

    private static boolean isStar(String header) {
        return header.trim().equals("*");
    }

    private static boolean anyMatches(List<EntityTag> tags, EntityTag etag, boolean strong) {
        for (EntityTag tag : tags) {
            if (strong ? tag.stronglyMatches(etag) : tag.weaklyMatches(etag)) {
                return true;
            }
        }
        return false;
    }
}
