package io.redline.gateway.origin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.core.json.Json;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class OriginResponseCodecTest {

    private static final OriginResponseCodec CODEC = OriginResponseCodec.INSTANCE;

    @Test
    void statusAndHeadersGoToTheHeadAndTheBodyStaysRawBytes() throws Exception {
        byte[] body = {0, (byte) 0xff, '{', 'x', '}', (byte) 0x80};
        OriginResponse response = new OriginResponse(203, List.of(new Header("Content-Type", "application/json"),
                new Header("Set-Cookie", "a=1"), new Header("set-cookie", "b=2")), body, null);
        JsonNode head = Json.mapper().readTree(Json.write(CODEC.head(response)));
        assertEquals("{\"status\":203,\"headers\":[{\"name\":\"Content-Type\",\"value\":\"application/json\"},"
                + "{\"name\":\"Set-Cookie\",\"value\":\"a=1\"},{\"name\":\"set-cookie\",\"value\":\"b=2\"}]}",
                head.toString());
        assertArrayEquals(body, CODEC.body(response));

        OriginResponse read = CODEC.read(head, ByteBuffer.wrap(CODEC.body(response)).asReadOnlyBuffer());
        assertEquals(203, read.status());
        assertEquals(response.headers(), read.headers());
        assertArrayEquals(body, read.body());
    }

    @Test
    void aHeadThatIsNoStoredResponseIsRefusedSayingWhatWasThere() throws Exception {
        IllegalArgumentException status = assertThrows(IllegalArgumentException.class, () -> CODEC.read(
                Json.mapper().readTree("{\"status\":42,\"headers\":[]}"), ByteBuffer.allocate(0)));
        assertEquals("not a stored response: a status from 100 to 599 and a list of headers are required, but the"
                + " head was {\"status\":42,\"headers\":[]}", status.getMessage());
        IllegalArgumentException header = assertThrows(IllegalArgumentException.class, () -> CODEC.read(
                Json.mapper().readTree("{\"status\":200,\"headers\":[{\"name\":1}]}"), ByteBuffer.allocate(0)));
        assertEquals("not a stored response: a header needs a name and a value, but was {\"name\":1}",
                header.getMessage());
    }
}
