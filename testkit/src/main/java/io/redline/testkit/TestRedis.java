package io.redline.testkit;

import io.redline.core.keys.KeyNamespace;

/** A Redis server that a test class may use as it likes: its own server, or its own namespace on a shared one. */
public interface TestRedis extends AutoCloseable {

    /** {@code redis://host:port}. */
    String url();

    RedisVersion version();

    /** Where the server came from, for messages. */
    String description();

    /** Empty for a server of the test's own; a unique prefix on a shared server. */
    KeyNamespace namespace();

    @Override
    void close();
}
