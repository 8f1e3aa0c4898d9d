package io.redline.chat.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.chat.presence.Member;
import io.redline.chat.protocol.ChatRules;
import io.redline.chat.protocol.ProtocolException;
import io.redline.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Connection tokens: {@code base64url(claims) "." base64url(HMAC-SHA256(secret, base64url(claims)))}, the claims a
 * JSON object {@code {"sub": user id, "name": display name, "exp": Unix seconds}}. Any service that knows
 * {@code CHAT_TOKEN_SECRET} can issue them (the jar's {@code token} command does); a node trusts nothing else.
 */
public final class ChatTokens {

    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Clock clock;

    public ChatTokens(String secret, Clock clock) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
        this.clock = clock;
    }

    public String issue(Member member, Duration ttl) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", member.userId());
        claims.put("name", member.userName());
        claims.put("exp", clock.instant().plus(ttl).getEpochSecond());
        String body = ENCODER.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        return body + "." + ENCODER.encodeToString(sign(body));
    }

    /** @throws InvalidTokenException saying why, without echoing the token */
    public Member verify(String token) throws InvalidTokenException {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            throw new InvalidTokenException("the token is not <claims>.<signature>");
        }
        String body = token.substring(0, dot);
        byte[] signature;
        JsonNode claims;
        try {
            signature = DECODER.decode(token.substring(dot + 1));
            claims = Json.mapper().readTree(DECODER.decode(body));
        } catch (IllegalArgumentException | IOException e) {
            throw new InvalidTokenException("the token is not base64url-encoded JSON");
        }
        if (!MessageDigest.isEqual(signature, sign(body))) {
            throw new InvalidTokenException("the token's signature does not match CHAT_TOKEN_SECRET");
        }
        if (claims == null || !claims.path("exp").canConvertToLong()
                || claims.path("exp").asLong() <= clock.instant().getEpochSecond()) {
            throw new InvalidTokenException("the token has expired");
        }
        try {
            return new Member(ChatRules.userId(claims.path("sub").asText(null)),
                    ChatRules.userName(claims.path("name").asText(null)));
        } catch (ProtocolException e) {
            throw new InvalidTokenException("the token's claims are not a valid user: " + e.getMessage());
        }
    }

    private byte[] sign(String body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has " + HMAC, e);
        }
    }
}
