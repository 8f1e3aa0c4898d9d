package io.redline.core.json;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.redisson.client.codec.BaseCodec;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.client.codec.Codec;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.Decoder;
import org.redisson.client.protocol.Encoder;

/**
 * The only Redisson codecs Redline uses for shared data. {@code Kryo5Codec} (Redisson's default) writes binary
 * and {@code JsonJacksonCodec} writes {@code @class} tags: other-language clients could read neither. JSON is
 * written and read as text with {@link Json}, so that the caller sees a bad value as a clear error.
 */
public final class RedisCodecs {

    /** Plain UTF-8 strings: keys, numbers, and JSON that the caller writes itself with {@link Json}. */
    public static final Codec STRING = StringCodec.INSTANCE;

    /**
     * Values read as the bytes Redis holds, and written from bytes or from strings (as UTF-8): for a value whose
     * layout the caller defines (a cache entry's JSON head and raw body), passed to scripts beside plain string
     * arguments.
     */
    public static final Codec BYTES = new Bytes();

    private RedisCodecs() {
    }

    private static final class Bytes extends BaseCodec {

        private final Encoder encoder = in -> Unpooled.wrappedBuffer(in instanceof byte[] bytes ? bytes
                : String.valueOf(in).getBytes(StandardCharsets.UTF_8));

        @Override
        public Decoder<Object> getValueDecoder() {
            return ByteArrayCodec.INSTANCE.getValueDecoder();
        }

        @Override
        public Encoder getValueEncoder() {
            return encoder;
        }
    }
}
