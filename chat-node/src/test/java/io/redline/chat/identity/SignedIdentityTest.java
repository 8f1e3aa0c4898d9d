package io.redline.chat.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.chat.RunningChatNodeAccess;
import io.redline.chat.presence.Member;
import io.redline.testkit.HttpProbe;
import io.redline.testkit.RedisExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With {@code CHAT_TOKEN_SECRET}, a node trusts signed tokens only, not {@code ?user=}; with
 * {@code CHAT_ALLOWED_ORIGINS}, pages of other origins cannot open a socket or post.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedIdentityTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();
    private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";

    private RunningChatNodeAccess node;
    private final ChatTokens tokens = new ChatTokens(SECRET, Clock.systemUTC());

    @BeforeAll
    void start() throws Exception {
        node = RunningChatNodeAccess.start(REDIS.settings(), Map.of("CHAT_TOKEN_SECRET", SECRET,
                "CHAT_ALLOWED_ORIGINS", "https://chat.example.com"));
    }

    @AfterAll
    void stop() {
        node.close();
    }

    @Test
    void aSocketWithoutATokenIsRefusedWith401WhateverUserItClaims() {
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> node.connect(node.ws("admin", "Admin")));
        assertTrue(refused.getCause().getMessage().contains("401"), refused.getCause().getMessage());
    }

    @Test
    void aSocketWithATokenSpeaksForTheTokensUser() throws Exception {
        String token = tokens.issue(new Member("ann", "Ann"), Duration.ofMinutes(5));
        assertEquals("ann", node.joinAndSend(node.url("/ws?user=admin&name=Admin&token=" + token), "r1", "hi")
                .get("userId").asText(), "the token's user, not ?user=");
    }

    @Test
    void aPageOfAnotherOriginCannotOpenASocket() {
        String token = tokens.issue(new Member("ann", "Ann"), Duration.ofMinutes(5));
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> node.connectFrom("https://evil.example", node.url("/ws?token=" + token)));
        assertTrue(refused.getCause().getMessage().contains("403"), refused.getCause().getMessage());
    }

    @Test
    void aPostNeedsABearerTokenAndMayNotClaimSomeoneElse() {
        String token = tokens.issue(new Member("ann", "Ann"), Duration.ofMinutes(5));
        assertEquals(401, post(null, "{\"userId\":\"ann\",\"userName\":\"Ann\",\"content\":\"x\"}").statusCode());
        assertEquals(401, post(token, "{\"userId\":\"bob\",\"content\":\"x\"}").statusCode());
        HttpResponse<String> posted = post(token, "{\"content\":\"from the token\"}");
        assertEquals(201, posted.statusCode(), posted.body());
        assertTrue(posted.body().contains("\"userId\":\"ann\""), posted.body());
    }

    private HttpResponse<String> post(String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.http("/rooms/r2/messages")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpProbe.send(request.build());
    }
}
