package io.redline.deploy.local;

/** The Redis named by {@code REDIS_URL} does not answer: the message says where and why. */
final class RedisUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    RedisUnavailableException(String message) {
        super(message);
    }
}
