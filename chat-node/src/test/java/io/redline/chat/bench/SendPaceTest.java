package io.redline.chat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The chat bench sends the {@code --rate} it is given: it used to turn any rate below 100 into 100. */
class SendPaceTest {

    private static final long TICK = 10_000_000L;

    @Test
    void aRateBelow100IsSentAtThatRateInsteadOf100() {
        assertEquals(50, sentOverTicks(50, 100));
        assertEquals(1, sentOverTicks(1, 100));
        assertEquals(5, sentOverTicks(1, 500));
    }

    @Test
    void aRateThatIsNotAMultipleOf100IsNotRoundedDown() {
        assertEquals(150, sentOverTicks(150, 100));
        assertEquals(2_575, sentOverTicks(2_575, 100));
    }

    @Test
    void aLateTickSendsWhatFellDueMeanwhile() {
        SendPace pace = new SendPace(1_000);
        assertEquals(10, pace.due(TICK));
        assertEquals(490, pace.due(50 * TICK));
        assertEquals(0, pace.due(50 * TICK));
    }

    @Test
    void aHighRateOverALongRunDoesNotOverflow() {
        SendPace pace = new SendPace(Integer.MAX_VALUE);
        assertEquals(Integer.MAX_VALUE * 3_600L, pace.due(3_600_000_000_000L));
    }

    @Test
    void aRateBelowOneIsRefused() {
        assertEquals("rate must be >= 1, but was 0",
                assertThrows(IllegalArgumentException.class, () -> new SendPace(0)).getMessage());
    }

    private static long sentOverTicks(int rate, int ticks) {
        SendPace pace = new SendPace(rate);
        long sent = 0;
        for (int tick = 0; tick <= ticks; tick++) {
            sent += pace.due(tick * TICK);
        }
        return sent;
    }
}
