package io.redline.chat.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.redline.chat.presence.Member;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ChatTokensTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private final ChatTokens tokens = new ChatTokens(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTokenSaysWhoItsHolderIsUntilItExpires() throws Exception {
        String token = tokens.issue(new Member("ann", "Ann B."), Duration.ofMinutes(10));
        assertEquals(new Member("ann", "Ann B."), tokens.verify(token));
        ChatTokens later = new ChatTokens(SECRET, Clock.fixed(NOW.plus(Duration.ofMinutes(10)), ZoneOffset.UTC));
        assertEquals("the token has expired", assertThrows(InvalidTokenException.class, () -> later.verify(token))
                .getMessage());
    }

    @Test
    void claimsRewrittenByTheHolderBreakTheSignature() {
        String token = tokens.issue(new Member("ann", "Ann"), Duration.ofMinutes(10));
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"admin\",\"name\":\"Admin\",\"exp\":9999999999}".getBytes(StandardCharsets.UTF_8))
                + token.substring(token.indexOf('.'));
        assertEquals("the token's signature does not match CHAT_TOKEN_SECRET",
                assertThrows(InvalidTokenException.class, () -> tokens.verify(forged)).getMessage());
    }

    @Test
    void aTokenOfAnotherSecretIsRefused() {
        String token = new ChatTokens("another-secret-of-thirty-two-characters!", Clock.fixed(NOW, ZoneOffset.UTC))
                .issue(new Member("ann", "Ann"), Duration.ofMinutes(10));
        assertEquals("the token's signature does not match CHAT_TOKEN_SECRET",
                assertThrows(InvalidTokenException.class, () -> tokens.verify(token)).getMessage());
    }

    @Test
    void somethingThatIsNotATokenIsRefusedWithoutEchoingIt() {
        assertEquals("the token is not <claims>.<signature>",
                assertThrows(InvalidTokenException.class, () -> tokens.verify("garbage")).getMessage());
        assertEquals("the token is not base64url-encoded JSON",
                assertThrows(InvalidTokenException.class, () -> tokens.verify("@@@.###")).getMessage());
    }
}
