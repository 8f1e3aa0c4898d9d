package io.redline.core.keys;

import java.nio.charset.StandardCharsets;

/**
 * Hash tags and slots. Redis Cluster hashes only the part between the first {@code {} and the next
 * {@code }}, so keys that carry the same tag live in the same slot and can be used by one script or
 * transaction.
 */
public final class HashTag {

    public static final int SLOTS = 16_384;

    private HashTag() {
    }

    /** {@code part} wrapped in braces: the group's tag. */
    public static String of(String part) {
        if (part.isEmpty() || part.indexOf('{') >= 0 || part.indexOf('}') >= 0) {
            throw new IllegalArgumentException("a hash tag must be non-empty and hold no braces, but was \""
                    + part + "\"");
        }
        return "{" + part + "}";
    }

    /** The cluster slot of a key, as {@code CLUSTER KEYSLOT} computes it. */
    public static int slot(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        int start = indexOf(bytes, (byte) '{', 0);
        if (start >= 0) {
            int end = indexOf(bytes, (byte) '}', start + 1);
            if (end > start + 1) {
                return crc16(bytes, start + 1, end) % SLOTS;
            }
        }
        return crc16(bytes, 0, bytes.length) % SLOTS;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** CRC16-CCITT (XModem), the checksum of the Redis Cluster specification. */
    private static int crc16(byte[] bytes, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc ^= (bytes[i] & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }
        return crc & 0xFFFF;
    }
}
