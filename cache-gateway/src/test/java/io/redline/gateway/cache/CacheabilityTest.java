package io.redline.gateway.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.redline.core.swr.Loaded;
import io.redline.gateway.origin.Header;
import io.redline.gateway.origin.OriginResponse;
import io.redline.gateway.origin.StreamedBody;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.junit.jupiter.api.Test;

class CacheabilityTest {

    @Test
    void aPlain200IsStored() {
        OriginResponse ok = response(200);
        Loaded<OriginResponse> loaded = Cacheability.classify(ok);
        assertEquals(Loaded.Kind.STORE, loaded.kind());
        assertSame(ok, loaded.value());
        assertNull(loaded.error());
    }

    @Test
    void aVaryOnAcceptEncodingOnlyIsStillStored() {
        assertEquals(Loaded.Kind.STORE, Cacheability.classify(response(200, "Vary", "Accept-Encoding")).kind());
        assertEquals(Loaded.Kind.STORE, Cacheability.classify(response(200, "Cache-Control", "public, max-age=60"))
                .kind());
    }

    @Test
    void whatOneUserOrOneRequestShapeOwnsPassesThrough() {
        assertEquals(Loaded.Kind.PASS_THROUGH, Cacheability.classify(response(200, "Cache-Control", "no-store"))
                .kind());
        assertEquals(Loaded.Kind.PASS_THROUGH, Cacheability.classify(response(200, "Cache-Control",
                "max-age=60, private")).kind());
        assertEquals(Loaded.Kind.PASS_THROUGH, Cacheability.classify(response(200, "Set-Cookie", "session=1")).kind());
        assertEquals(Loaded.Kind.PASS_THROUGH, Cacheability.classify(response(200, "Vary", "Accept-Encoding, Cookie"))
                .kind());
    }

    @Test
    void cacheControlIsReadAcrossRepeatedHeaders() {
        assertEquals(Loaded.Kind.PASS_THROUGH, Cacheability.classify(response(200, "Cache-Control", "max-age=60",
                "cache-control", "NO-STORE")).kind());
    }

    @Test
    void aDirectiveThatOnlyContainsNoStoreIsNotNoStore() {
        assertEquals(Loaded.Kind.STORE, Cacheability.classify(response(200, "Cache-Control", "x-no-store-hint"))
                .kind());
    }

    @Test
    void otherStatusesThanAServerErrorPassThrough() {
        for (int status : new int[] {201, 204, 301, 404, 429}) {
            assertEquals(Loaded.Kind.PASS_THROUGH, Cacheability.classify(response(status)).kind(), "status " + status);
        }
    }

    @Test
    void a304ToALoadIsAnErrorNeverAPassThatWouldDeleteTheStoredEntry() {
        // regression: a 304 was passed through, and finish_load.lua's "pass" deleted the entry it answered for
        Loaded<OriginResponse> loaded = Cacheability.classify(response(304));
        assertEquals(Loaded.Kind.ERROR, loaded.kind());
        assertEquals("origin answered 304 to a load without a matching validator", loaded.error());
    }

    @Test
    void aStreamedBodyTooLargeToBufferPassesThrough() {
        OriginResponse big = new OriginResponse(200, List.of(), new byte[] {1},
                new StreamedBody(new ByteBufferContentSource(ByteBuffer.wrap(new byte[] {2}))));
        assertEquals(Loaded.Kind.PASS_THROUGH, Cacheability.classify(big).kind());
    }

    @Test
    void aServerErrorIsAnErrorOfTheLoadThatSaysTheStatus() {
        for (int status : new int[] {500, 503, 599}) {
            OriginResponse failure = response(status, "Cache-Control", "max-age=60");
            Loaded<OriginResponse> loaded = Cacheability.classify(failure);
            assertEquals(Loaded.Kind.ERROR, loaded.kind());
            assertSame(failure, loaded.value(), "the origin's answer is relayed as it is");
            assertEquals("origin answered " + status, loaded.error());
        }
    }

    private static OriginResponse response(int status, String... headers) {
        List<Header> list = new ArrayList<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            list.add(new Header(headers[i], headers[i + 1]));
        }
        return new OriginResponse(status, list, "body".getBytes(StandardCharsets.UTF_8), null);
    }
}
