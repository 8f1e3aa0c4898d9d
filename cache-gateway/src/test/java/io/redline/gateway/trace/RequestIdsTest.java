package io.redline.gateway.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which client request ids are kept, and the ones made instead. */
class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc-123", "4bf92f35-77b3-4da6-a3ce-929d0e0e4736", "req:1/2+3=4@edge_a.b"})
    void aPlainTokenIsKept(String id) {
        assertEquals(id, RequestIds.of(id));
        assertEquals(id, RequestIds.of(" " + id + " "));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "has space", "line\nbreak", "quote\"d", "{json}", "caf\u00e9"})
    void anythingElseIsReplacedByANewId(String given) {
        String id = RequestIds.of(given);
        assertTrue(id.matches("[0-9a-f]{32}"), id);
    }

    @Test
    void anIdLongerThan128CharactersIsReplaced() {
        assertEquals("a".repeat(128), RequestIds.of("a".repeat(128)));
        assertTrue(RequestIds.of("a".repeat(129)).matches("[0-9a-f]{32}"));
    }

    @Test
    void newIdsDiffer() {
        assertNotEquals(RequestIds.of(null), RequestIds.of(null));
    }
}
