package io.redline.deploy.local.redis;

import java.util.Comparator;

/** A Redis server's version, as {@code INFO server} reports it ({@code redis_version:7.0.15}). */
public record RedisVersion(int major, int minor, int patch) implements Comparable<RedisVersion> {

    private static final Comparator<RedisVersion> ORDER = Comparator.comparingInt(RedisVersion::major)
            .thenComparingInt(RedisVersion::minor).thenComparingInt(RedisVersion::patch);

    public static RedisVersion parse(String text) {
        String[] parts = text.trim().split("\\.");
        try {
            return new RedisVersion(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0,
                    parts.length > 2 ? Integer.parseInt(parts[2]) : 0);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a Redis version: \"" + text + "\"", e);
        }
    }

    public boolean isBefore(RedisVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(RedisVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
