package io.redline.gateway.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.redline.gateway.origin.Header;
import io.redline.gateway.origin.OriginResponse;
import io.redline.gateway.origin.StreamedBody;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.junit.jupiter.api.Test;

class ConditionalReplyTest {

    private static final OriginResponse FULL = new OriginResponse(200, List.of(new Header("Content-Type",
            "text/plain"), new Header("ETag", "\"v1\""), new Header("Cache-Control", "max-age=60"),
            new Header("Content-Language", "en"), new Header("Vary", "Accept-Encoding")),
            "abcdefghij".getBytes(StandardCharsets.UTF_8), null);

    @Test
    void aMatchingIfNoneMatchIsA304WithTheFieldsRfc9110AsksAndNoBody() {
        OriginResponse answer = ConditionalReply.answer(conditions("\"v1\"", null, null), true, FULL);
        assertEquals(304, answer.status());
        assertEquals(List.of(new Header("ETag", "\"v1\""), new Header("Cache-Control", "max-age=60"),
                new Header("Vary", "Accept-Encoding")), answer.headers());
        assertEquals(0, answer.body().length);
    }

    @Test
    void oneRangeIsA206WithContentRange() {
        OriginResponse answer = ConditionalReply.answer(conditions(null, "bytes=2-4", null), true, FULL);
        assertEquals(206, answer.status());
        assertEquals("cde", new String(answer.body(), StandardCharsets.UTF_8));
        assertEquals("bytes 2-4/10", answer.header("content-range").orElseThrow());
        assertEquals("text/plain", answer.header("content-type").orElseThrow());
    }

    @Test
    void aRangeBeyondTheEndIsA416ThatSaysTheLength() {
        OriginResponse answer = ConditionalReply.answer(conditions(null, "bytes=10-", null), true, FULL);
        assertEquals(416, answer.status());
        assertEquals("bytes */10", answer.header("content-range").orElseThrow());
        assertEquals("{\"error\":\"Range Not Satisfiable\"}", new String(answer.body(), StandardCharsets.UTF_8));
    }

    @Test
    void aFailedIfMatchIsA412() {
        OriginResponse answer = ConditionalReply.answer(new RequestConditions("\"v9\"", null, null, null, null, null),
                true, FULL);
        assertEquals(412, answer.status());
        assertEquals("{\"error\":\"Precondition Failed\"}", new String(answer.body(), StandardCharsets.UTF_8));
    }

    @Test
    void theWholeBodyWhenIfRangeDoesNotMatchForHeadOrForSeveralRanges() {
        assertSame(FULL, ConditionalReply.answer(conditions(null, "bytes=2-4", "\"v0\""), true, FULL));
        assertSame(FULL, ConditionalReply.answer(conditions(null, "bytes=2-4", null), false, FULL));
        assertSame(FULL, ConditionalReply.answer(conditions(null, "bytes=0-1,4-5", null), true, FULL));
        assertEquals(206, ConditionalReply.answer(conditions(null, "bytes=2-4", "\"v1\""), true, FULL).status());
    }

    @Test
    void answersOtherThanABuffered200AreLeftAsTheyAre() {
        OriginResponse missing = new OriginResponse(404, List.of(new Header("ETag", "\"v1\"")), new byte[0], null);
        assertSame(missing, ConditionalReply.answer(conditions("\"v1\"", "bytes=0-1", null), true, missing));
        OriginResponse streamed = new OriginResponse(200, FULL.headers(), new byte[] {1},
                new StreamedBody(new ByteBufferContentSource(ByteBuffer.wrap(new byte[] {2}))));
        assertSame(streamed, ConditionalReply.answer(conditions("\"v1\"", "bytes=0-1", null), true, streamed));
    }

    private static RequestConditions conditions(String ifNoneMatch, String range, String ifRange) {
        return new RequestConditions(null, ifNoneMatch, null, null, range, ifRange);
    }
}
