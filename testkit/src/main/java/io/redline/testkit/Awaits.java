package io.redline.testkit;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/** The one Awaitility preset of Redline's tests: an explicit bound, a short poll. */
public final class Awaits {

    public static final Duration DEFAULT_BOUND = Duration.ofSeconds(30);

    private Awaits() {
    }

    public static ConditionFactory await() {
        return await(DEFAULT_BOUND);
    }

    public static ConditionFactory await(Duration atMost) {
        return Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(50)).pollDelay(Duration.ZERO);
    }
}
