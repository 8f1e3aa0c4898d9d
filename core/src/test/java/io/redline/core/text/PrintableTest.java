package io.redline.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void printableTextIsEchoedAsItIs() {
        assertEquals("caf\u00e9 {room} 1", Printable.of("caf\u00e9 {room} 1", 80));
    }

    @Test
    void controlCharactersAreWrittenAsUnicodeEscapesSoThatTheEchoStaysOnOneLine() {
        assertEquals("a\\u000ab\\u000dc\\u0009d\\u0000e\\u001bf\\u007fg\\u0085h",
                Printable.of("a\nb\rc\td\0e\u001bf\u007fg\u0085h", 80));
    }

    @Test
    void aValueLongerThanTheLimitIsCutAndMarked() {
        assertEquals("abc...", Printable.of("abcd", 3));
        assertEquals("abc", Printable.of("abc", 3), "a value of exactly the limit is not marked");
    }

    @Test
    void theLimitCountsCodePointsSoThatNoSurrogatePairIsSplit() {
        String grinning = "\uD83D\uDE00";
        assertEquals(grinning.repeat(2) + "...", Printable.of(grinning.repeat(3), 2));
    }

    @Test
    void anEscapedCharacterCountsAsOneCodePointOfTheLimit() {
        assertEquals("\\u000a\\u000a...", Printable.of("\n\n\n", 2));
    }

    @Test
    void aLimitBelowOneIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Printable.of("a", 0));
        assertEquals("maxCodePoints must be > 0, but was 0", error.getMessage());
    }
}
