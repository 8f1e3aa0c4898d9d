package io.redline.core.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogLevelsTest {

    @Test
    void levelsAreReadWhateverTheirCase() {
        assertEquals(Level.DEBUG, LogLevels.level(" Debug "));
        assertEquals(Level.OFF, LogLevels.level("off"));
    }

    @Test
    void anUnknownLevelSaysWhichAreAllowed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> LogLevels.level("loud"));
        assertEquals("must be one of trace, debug, info, warn, error, off", error.getMessage());
    }

    @Test
    void loggerLevelsAreCommaSeparatedPairsInOrder() {
        assertEquals(Map.of("io.redline.events", Level.DEBUG, "org.redisson", Level.WARN),
                LogLevels.loggers(" io.redline.events=debug , org.redisson=WARN,"));
    }

    @Test
    void aPairWithoutALoggerNameIsNamedInTheError() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LogLevels.loggers("io.redline=debug,=warn"));
        assertEquals("must be logger=level pairs separated by commas, e.g. io.redline.events=debug,"
                + "org.redisson=warn; \"=warn\" is not one", error.getMessage());
    }

    @Test
    void aBadLevelInAPairNamesTheLogger() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LogLevels.loggers("io.redline.events=loud"));
        assertEquals("the level of io.redline.events must be one of trace, debug, info, warn, error, off",
                error.getMessage());
    }

    @Test
    void theRootAndEachNamedLoggerGetTheirLevelAndChildrenInheritIt() {
        LoggerContext context = new LoggerContext();
        LogLevels.lenient("warn", "io.redline.events=debug").applyTo(context);
        assertEquals(Level.WARN, context.getLogger("org.eclipse.jetty").getEffectiveLevel());
        assertEquals(Level.DEBUG, context.getLogger("io.redline.events.reaper.Reaper").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("io.redline.gateway").getEffectiveLevel());
    }

    @Test
    void badValuesKeepTheDefaultsUntilTheConfigurationCheckStopsTheProcess() {
        assertEquals(LogLevels.DEFAULT, LogLevels.lenient("loud", "x=y"));
        assertEquals(LogLevels.DEFAULT, LogLevels.lenient(null, null));
    }
}
