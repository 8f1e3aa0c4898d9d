package io.redline.stats.dashboard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;
import org.redisson.client.protocol.ScoredEntry;

/** How the replies of the dashboard's reads become its figures. Pure: each takes the key only to name it. */
final class Decoders {

    private Decoders() {
    }

    /** A count Redis computed ({@code PFCOUNT}, {@code ZCOUNT}): never missing, 0 for a missing key. */
    static long count(String key, Object reply) {
        if (!(reply instanceof Number number)) {
            throw new IllegalStateException(key + ": expected a count, but the reply was " + reply);
        }
        return number.longValue();
    }

    /** A counter kept as a string ({@code INCRBY}); a missing key is 0. */
    static long wholeNumber(String key, Object reply) {
        if (reply == null) {
            return 0;
        }
        try {
            return Long.parseLong(reply.toString());
        } catch (NumberFormatException e) {
            throw new WrongTypeException(key + " holds \"" + reply + "\", but the dashboard reads it as a whole"
                    + " number");
        }
    }

    /** The members of a sorted set with their scores, highest first, as products and their units. */
    static List<Dashboard.ProductUnits> products(String key, Object reply) {
        return ranked(reply, Dashboard.ProductUnits::new);
    }

    /** The members of a sorted set with their scores, highest first, as paths and their views. */
    static List<Dashboard.PageViews> pages(String key, Object reply) {
        return ranked(reply, Dashboard.PageViews::new);
    }

    private static <T> List<T> ranked(Object reply, BiFunction<String, Long, T> row) {
        List<T> rows = new ArrayList<>();
        for (ScoredEntry<String> entry : entries(reply)) {
            rows.add(row.apply(entry.getValue(), Math.round(entry.getScore())));
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static Collection<ScoredEntry<String>> entries(Object reply) {
        return (Collection<ScoredEntry<String>>) reply;
    }
}
