package io.redline.core.swr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

    /** A value whose head is its name and whose body is its bytes, as the gateway's responses are split. */
    private static final ValueCodec<byte[]> RAW = new ValueCodec<>() {
        @Override
        public Object head(byte[] value) {
            return "raw";
        }

        @Override
        public byte[] body(byte[] value) {
            return value;
        }

        @Override
        public byte[] read(JsonNode head, ByteBuffer body) {
            byte[] bytes = new byte[body.remaining()];
            body.get(bytes);
            return bytes;
        }
    };

    @Test
    void anEntryIsItsHeadsLengthItsJsonHeadThenTheRawBytes() {
        byte[] body = {1, 2, (byte) 0xff};
        byte[] entry = new Envelope<>(body, 1_000, 2_000).toBytes(RAW);
        String head = "{\"storedAt\":1000,\"freshUntil\":2000,\"value\":\"raw\"}";
        assertEquals(head.length(), ByteBuffer.wrap(entry).getInt());
        assertEquals(head, new String(entry, 4, head.length(), StandardCharsets.UTF_8));
        assertArrayEquals(body, Arrays.copyOfRange(entry, 4 + head.length(), entry.length));

        Envelope<byte[]> read = Envelope.parse(entry, RAW);
        assertArrayEquals(body, read.value());
        assertEquals(1_000, read.storedAt());
        assertEquals(2_000, read.freshUntil());
    }

    @Test
    void aJsonValueRoundTripsWithNoBytesAfterItsHead() {
        byte[] entry = new Envelope<>("text", 5, 6).toBytes(ValueCodec.json(String.class));
        assertEquals(entry.length, 4 + ByteBuffer.wrap(entry).getInt());
        assertEquals("text", Envelope.parse(entry, ValueCodec.json(String.class)).value());
    }

    @Test
    void bytesThatAreNoEntryAreRefusedWithWhatIsWrong() {
        assertEquals("not an SWR entry: 12 bytes without a head of a length that fits", refusal(
                "{\"value\":1}}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("not an SWR entry: 2 bytes without a head of a length that fits", refusal(new byte[2]));
        byte[] noTimes = ByteBuffer.allocate(4 + 13).putInt(13).put("{\"value\":\"x\"}".getBytes(
                StandardCharsets.UTF_8)).array();
        assertEquals("not an SWR entry: storedAt, freshUntil and value are required", refusal(noTimes));
    }

    private static String refusal(byte[] bytes) {
        return assertThrows(IllegalArgumentException.class, () -> Envelope.parse(bytes, ValueCodec.json(
                String.class))).getMessage();
    }
}
