package io.redline.core.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyRulesTest {

    private static final KeyRule ROOM = KeyRule.identifier("room");

    @Test
    void anIdentifierOfAllowedCharactersPasses() {
        assertEquals("General_room-1", ROOM.check("General_room-1"));
        assertEquals("a".repeat(64), ROOM.check("a".repeat(64)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{general}", "gen}eral", "two words", "tab\there", "new\nline", "nul\0", "", "a:b",
        "caf\u00e9", "x*"})
    void bracesSpacesControlCharactersAndOthersAreRefused(String value) {
        InvalidKeyPartException error = assertThrows(InvalidKeyPartException.class, () -> ROOM.check(value));
        assertEquals("room must be 1 to 64 characters of A-Z, a-z, 0-9, _, -, but was \""
                + value.replace("\t", "\\u0009").replace("\n", "\\u000a").replace("\0", "\\u0000") + "\"",
                error.getMessage());
    }

    @Test
    void overLongValuesAreRefusedAndTheEchoIsShortened() {
        InvalidKeyPartException error = assertThrows(InvalidKeyPartException.class, () -> ROOM.check("a".repeat(65)));
        assertEquals("room must be 1 to 64 characters of A-Z, a-z, 0-9, _, -, but was \"" + "a".repeat(65) + "\"",
                error.getMessage());
        error = assertThrows(InvalidKeyPartException.class, () -> ROOM.check("b".repeat(500)));
        assertEquals("room must be 1 to 64 characters of A-Z, a-z, 0-9, _, -, but was \"" + "b".repeat(80) + "...\"",
                error.getMessage());
    }

    @Test
    void extraCharactersCanBeAllowedButNeverBracesOrSpaces() {
        KeyRule client = new KeyRule("client id", 64, ".:");
        assertEquals("2001:db8::1", client.check("2001:db8::1"));
        assertEquals("10.0.0.1", client.check("10.0.0.1"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new KeyRule("bad", 10, "{ "));
        assertEquals("extraCharacters must be printable ASCII other than braces and space, but was \"{ \"",
                error.getMessage());
    }

    @Test
    void theNamespaceIsAppliedToEveryKey() {
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("staging"));
        assertEquals("staging:chat:room:{general}", keys.chatRoomChannel("general"));
        assertEquals("staging:chat:history:{general}", keys.chatHistory("general"));
        assertEquals("staging:events:ecommerce", keys.eventStream());
        assertEquals("staging:events:ecommerce:dlq", keys.eventDeadLetters());
        assertEquals("staging:order:{o-42}", keys.orderProjection("o-42"));
        assertEquals("staging:stats:dashboard:latest", keys.dashboardLatest());
        assertEquals("staging:anything", keys.key("anything"));
    }

    @Test
    void withoutNamespaceTheKeysAreThoseOfTheSpecification() {
        RedlineKeys keys = new RedlineKeys(KeyNamespace.NONE);
        assertEquals("chat:room:{general}", keys.chatRoomChannel("general"));
        assertEquals("order:{o-42}", keys.orderProjection("o-42"));
    }

    @Test
    void keyBuildersValidateTheUserSuppliedPart() {
        RedlineKeys keys = new RedlineKeys(KeyNamespace.NONE);
        InvalidKeyPartException error = assertThrows(InvalidKeyPartException.class,
                () -> keys.chatHistory("x}:other{y"));
        assertEquals("room must be 1 to 64 characters of A-Z, a-z, 0-9, _, -, but was \"x}:other{y\"",
                error.getMessage());
    }

    @Test
    void aNamespaceWithBracesOrColonsIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new KeyNamespace("a:b"));
        assertEquals("namespace must be 1 to 32 characters of A-Z, a-z, 0-9, _, - and . (or empty for none), but was"
                + " \"a:b\"", error.getMessage());
    }

    @Test
    void keysWithTheSameHashTagShareASlot() {
        assertEquals(12_182, HashTag.slot("foo"));
        assertEquals(HashTag.slot("{user1000}.following"), HashTag.slot("{user1000}.followers"));
        assertEquals(HashTag.slot("user1000"), HashTag.slot("x{user1000}y"));
        // an empty tag does not count: the whole key is hashed
        assertEquals(HashTag.slot("{}a") == HashTag.slot("{}b"), false);
        RedlineKeys keys = new RedlineKeys(new KeyNamespace("prod"));
        assertEquals(HashTag.slot(keys.chatHistory("r1")), HashTag.slot(keys.chatRoomChannel("r1")));
    }
}
