package io.redline.core.redis;

/** How Redis is deployed: {@code REDIS_MODE}. */
public enum RedisMode {
    /** One server (possibly with replicas that Redline does not use). */
    SINGLE,
    /** A Redis Cluster; {@code REDIS_URL} lists one or more seed nodes. */
    CLUSTER,
    /** A master found through Sentinel; {@code REDIS_URL} lists the sentinels. */
    SENTINEL
}
