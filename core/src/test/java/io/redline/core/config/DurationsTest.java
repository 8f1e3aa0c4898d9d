package io.redline.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @Test
    void everyUnitOfTheSpecificationParses() {
        assertEquals(Duration.ofMillis(250), Durations.parse("250ms"));
        assertEquals(Duration.ofSeconds(60), Durations.parse("60s"));
        assertEquals(Duration.ofMinutes(5), Durations.parse("5m"));
        assertEquals(Duration.ofHours(1), Durations.parse("1h"));
        assertEquals(Duration.ofDays(7), Durations.parse("7d"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "60", "s", "1.5s", "-1s", "5 m", "5min", "PT5S"})
    void textThatIsNotADurationIsRefusedWithTheSyntax(String text) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertEquals("must be a duration such as 250ms, 60s, 5m, 1h or 7d, but was \"" + text + "\"",
                error.getMessage());
    }

    @Test
    void formatGivesTheShortestTextThatParsesBack() {
        for (String text : new String[] {"250ms", "1500ms", "60s", "90s", "5m", "1h", "7d"}) {
            assertEquals(Durations.parse(text), Durations.parse(Durations.format(Durations.parse(text))));
        }
        assertEquals("1m", Durations.format(Duration.ofSeconds(60)));
        assertEquals("1500ms", Durations.format(Duration.ofMillis(1500)));
    }
}
