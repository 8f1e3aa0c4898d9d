package io.redline.stats.dashboard;

import java.util.Locale;
import java.util.Map;
import org.redisson.api.RType;
import org.redisson.api.RedissonClient;

/** After a failed read: finds the source key that holds the wrong kind of value, to name it. */
final class SourceTypes {

    private final RedissonClient redis;

    SourceTypes(RedissonClient redis) {
        this.redis = redis;
    }

    RuntimeException explain(DashboardReader.Sources sources, RuntimeException failure) {
        for (Map.Entry<String, String> source : sources.expectedTypes.entrySet()) {
            RType type = redis.getKeys().getType(source.getKey());
            String actual = type == null ? "none" : name(type);
            if (!actual.equals("none") && !actual.equals(source.getValue())) {
                return new WrongTypeException(source.getKey() + " holds a " + actual + ", but the dashboard reads it"
                        + " as a " + source.getValue());
            }
        }
        String message = String.valueOf(failure.getMessage());
        if (message.contains("HyperLogLog")) {
            String visitors = sources.expectedTypes.keySet().iterator().next();
            return new WrongTypeException(visitors + " holds a string that is not a HyperLogLog");
        }
        return failure;
    }

    private static String name(RType type) {
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
