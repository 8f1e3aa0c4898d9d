package io.redline.chat.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

    /** Was: MessageIds drew a random node id of its own, a second one beside the node's (in its session ids). */
    @Test
    void messageIdsCarryTheNodesOneIdInsteadOfARandomIdOfTheirOwn() {
        TestClock clock = new TestClock(Instant.ofEpochMilli(1_732_600_000_000L));
        MessageIds ids = new MessageIds("abcdef12", clock);
        assertEquals("1732600000000-abcdef12-1", ids.next());
        clock.advance(Duration.ofMillis(5));
        assertEquals("1732600000005-abcdef12-2", ids.next());
    }

    @Test
    void idsSortByTimeAsTextBecauseTheMillisecondsArePaddedTo13Digits() {
        TestClock clock = new TestClock(Instant.ofEpochMilli(999));
        MessageIds ids = new MessageIds("n", clock);
        String early = ids.next();
        clock.set(Instant.ofEpochMilli(1_000));
        String later = ids.next();
        assertEquals("0000000000999-n-1", early);
        assertTrue(early.compareTo(later) < 0, early + " before " + later);
    }
}
