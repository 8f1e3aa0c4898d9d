package io.redline.stats.dashboard;

import java.util.Locale;
import org.redisson.api.RType;
import org.redisson.api.RedissonClient;

/** After a failed read: finds the source key that holds the wrong kind of value, to name it. */
final class SourceTypes {

    private final RedissonClient redis;

    SourceTypes(RedissonClient redis) {
        this.redis = redis;
    }

    RuntimeException explain(DashboardSources sources, RuntimeException failure) {
        for (Source<?> source : sources.all()) {
            RType actual = redis.getKeys().getType(source.key());
            // a missing key is no culprit: it reads as zeros
            if (actual != null && actual != source.expectedType()) {
                return new WrongTypeException(source.key() + " holds a " + name(actual) + ", but the dashboard reads"
                        + " it as a " + name(source.expectedType()));
            }
        }
        // PFCOUNT of a plain string: the type is right, the content is not a HyperLogLog
        if (String.valueOf(failure.getMessage()).contains("HyperLogLog")) {
            return new WrongTypeException(sources.visitors.key() + " holds a string that is not a HyperLogLog");
        }
        return failure;
    }

    /** The type as Redis's {@code TYPE} names it. */
    static String name(RType type) {
        switch (type) {
            case OBJECT:
                return "string";
            case MAP:
                return "hash";
            default:
                return type.name().toLowerCase(Locale.ROOT);
        }
    }
}
