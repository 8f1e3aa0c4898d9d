package io.redline.gateway.cache;

import java.util.ArrayList;
import java.util.List;

/**
 * An entity tag (RFC 9110 8.8.3): {@code "xyz"} or, weak, {@code W/"xyz"}.
 *
 * @param opaque the quoted part, quotes included
 * @param weak whether it was marked {@code W/}
 */
record EntityTag(String opaque, boolean weak) {

    /** @return the tag, or {@code null} when the text is none */
    static EntityTag parse(String text) {
        if (text == null) {
            return null;
        }
        String tag = text.trim();
        boolean weak = tag.startsWith("W/");
        String opaque = weak ? tag.substring(2) : tag;
        if (opaque.length() < 2 || opaque.charAt(0) != '"' || opaque.charAt(opaque.length() - 1) != '"'
                || opaque.indexOf('"', 1) != opaque.length() - 1) {
            return null;
        }
        return new EntityTag(opaque, weak);
    }

    /** The tags of an {@code If-None-Match}, {@code If-Match} list; tags that do not parse are left out. */
    static List<EntityTag> list(String header) {
        List<EntityTag> tags = new ArrayList<>();
        for (String part : header.split(",")) {
            EntityTag tag = parse(part);
            if (tag != null) {
                tags.add(tag);
            }
        }
        return tags;
    }

    /** Weak comparison: the opaque parts are equal, whatever either's weakness (If-None-Match). */
    boolean weaklyMatches(EntityTag other) {
        return other != null && opaque.equals(other.opaque);
    }

    /** Strong comparison: neither is weak and the opaque parts are equal (If-Match, If-Range). */
    boolean stronglyMatches(EntityTag other) {
        return other != null && !weak && !other.weak && opaque.equals(other.opaque);
    }
}
