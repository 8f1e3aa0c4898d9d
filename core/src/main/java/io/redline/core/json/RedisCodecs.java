package io.redline.core.json;

import org.redisson.client.codec.Codec;
import org.redisson.client.codec.StringCodec;
import org.redisson.codec.TypedJsonJacksonCodec;

/**
 * The only Redisson codecs Redline uses for shared data. {@code Kryo5Codec} (Redisson's default) writes binary
 * and {@code JsonJacksonCodec} writes {@code @class} tags: other-language clients could read neither.
 */
public final class RedisCodecs {

    /** Plain UTF-8 strings: keys, numbers, and JSON that the caller writes itself. */
    public static final Codec STRING = StringCodec.INSTANCE;

    private RedisCodecs() {
    }

    /** Plain JSON of one type, written with the shared {@link Json#mapper()}; no type tags. */
    public static <T> Codec json(Class<T> type) {
        return new TypedJsonJacksonCodec(type, Json.mapper());
    }
}
