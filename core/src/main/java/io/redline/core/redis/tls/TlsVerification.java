package io.redline.core.redis.tls;

/** {@code REDIS_TLS_VERIFY}: what a server's certificate must prove. */
public enum TlsVerification {
    /** Signed by a trusted CA, and issued for the host name (or address) in {@code REDIS_URL}. */
    FULL,
    /** Signed by a trusted CA, whatever name it was issued for (servers behind addresses they have no name for). */
    CA
}
