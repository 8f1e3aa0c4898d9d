package io.redline.stats.compare;

/** Sees the bytes that cross the proxy, in the order they arrive there (for tests that count round trips). */
public interface ProxyTap {

    ProxyTap NONE = new ProxyTap() {
    };

    default void clientToServer(byte[] bytes) {
    }

    default void serverToClient(byte[] bytes) {
    }
}
