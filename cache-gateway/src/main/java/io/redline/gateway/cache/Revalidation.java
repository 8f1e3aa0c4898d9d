package io.redline.gateway.cache;

import io.redline.gateway.origin.Header;
import io.redline.gateway.origin.HopByHop;
import io.redline.gateway.origin.OriginResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A stored answer brought up to date by the origin's {@code 304} to a revalidation (RFC 9111 4.3.4, 3.2): the
 * body stays; every header the {@code 304} carries replaces the stored ones of that name (the stored {@code Age}
 * goes in any case: it was the age at the first load), except those that
 * describe the stored body's bytes ({@code Content-Length}, {@code Content-Encoding}, {@code Content-Range}) and
 * hop-by-hop ones.
 */
public final class Revalidation {

    private static final Set<String> KEPT = Set.of("content-length", "content-encoding", "content-range",
            "transfer-encoding");

    private Revalidation() {
    }

    /**
     * @return the updated answer; empty when the {@code 304} names another entity tag than the stored one, so
     *         that it does not describe the stored body
     */
    public static Optional<OriginResponse> merge(OriginResponse stored, OriginResponse notModified) {
        EntityTag storedTag = EntityTag.parse(stored.header("etag").orElse(null));
        EntityTag newTag = EntityTag.parse(notModified.header("etag").orElse(null));
        if (newTag != null && !newTag.weaklyMatches(storedTag)) {
            return Optional.empty();
        }
        String connection = notModified.header("connection").orElse(null);
        Set<String> updated = new HashSet<>();
        List<Header> fresh = new ArrayList<>();
        for (Header header : notModified.headers()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (!KEPT.contains(name) && !HopByHop.isHopByHop(name, connection)) {
                updated.add(name);
                fresh.add(header);
            }
        }
        List<Header> headers = new ArrayList<>();
        for (Header header : stored.headers()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            // the stored Age was the age at the first load; the 304 is as old as it says, or new
            if (!updated.contains(name) && !name.equals("age")) {
                headers.add(header);
            }
        }
        headers.addAll(fresh);
        return Optional.of(new OriginResponse(stored.status(), headers, stored.body(), null));
    }
}
