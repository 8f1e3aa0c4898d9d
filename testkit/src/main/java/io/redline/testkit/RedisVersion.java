package io.redline.testkit;

/**
 * A Redis server version, e.g. 7.0.15.
 *
 * @param major major version
 * @param minor minor version
 * @param patch patch version
 */
public record RedisVersion(int major, int minor, int patch) {

    public static RedisVersion parse(String text) {
        String[] parts = text.trim().split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("a Redis version looks like 7.0.15, but was \"" + text + "\"");
        }
        return new RedisVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                parts.length > 2 ? Integer.parseInt(parts[2]) : 0);
    }

    public boolean atLeast(int wantedMajor) {
        return major >= wantedMajor;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
