package io.redline.core.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The {@code traceparent} value of headers, stream entries and chat messages. */
class TraceParentTest {

    static final String GOOD = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aWellFormedValueNamesItsTraceAndSpanAsARemoteParent() {
        SpanContext parent = Span.fromContext(TraceParent.parent(GOOD)).getSpanContext();
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", parent.getTraceId());
        assertEquals("00f067aa0ba902b7", parent.getSpanId());
        assertTrue(parent.isRemote());
        assertTrue(parent.isSampled());
        assertTrue(TraceParent.isValid(GOOD));
    }

    @Test
    void aValueReadIsWrittenBackAsTheSameText() {
        assertEquals(Optional.of(GOOD), TraceParent.of(TraceParent.parent(GOOD)));
        assertEquals(Optional.of(GOOD), TraceParent.of(TraceParent.parent(" " + GOOD + " ")));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "garbage", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01",
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"})
    void anAbsentOrMalformedValueGivesNoParent(String value) {
        assertSame(Context.root(), TraceParent.parent(value));
        assertFalse(TraceParent.isValid(value));
        assertEquals(Optional.empty(), TraceParent.of(TraceParent.parent(value)));
    }

    @Test
    void withoutACurrentSpanThereIsNoValueToWrite() {
        assertEquals(Optional.empty(), TraceParent.current());
    }

    @Test
    void theTraceStateGoesWithItsParent() {
        Context parent = TraceParent.parent(GOOD, "vendor=abc");
        assertEquals(Optional.of("vendor=abc"), TraceParent.stateOf(parent));
    }
}
