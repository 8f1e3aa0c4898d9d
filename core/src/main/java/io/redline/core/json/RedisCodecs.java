package io.redline.core.json;

import org.redisson.client.codec.Codec;
import org.redisson.client.codec.StringCodec;

/**
 * The only Redisson codec Redline uses for shared data. {@code Kryo5Codec} (Redisson's default) writes binary
 * and {@code JsonJacksonCodec} writes {@code @class} tags: other-language clients could read neither. JSON is
 * written and read as text with {@link Json}, so that the caller sees a bad value as a clear error.
 */
public final class RedisCodecs {

    /** Plain UTF-8 strings: keys, numbers, and JSON that the caller writes itself with {@link Json}. */
    public static final Codec STRING = StringCodec.INSTANCE;

    private RedisCodecs() {
    }
}
