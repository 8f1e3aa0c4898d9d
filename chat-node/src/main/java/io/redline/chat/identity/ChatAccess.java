package io.redline.chat.identity;

import io.redline.chat.presence.Member;
import io.redline.chat.protocol.ChatRules;
import io.redline.chat.protocol.ErrorCode;
import io.redline.chat.protocol.ProtocolException;
import java.util.List;
import java.util.Locale;

/**
 * Who may connect, and as whom. Without {@code CHAT_TOKEN_SECRET} the client says who it is ({@code ?user=&name=},
 * or the body of a post), as on a trusted network; with it, only a valid signed token says so. With
 * {@code CHAT_ALLOWED_ORIGINS}, a browser page of another origin may not open a socket or post.
 */
public final class ChatAccess {

    private final ChatTokens tokens;
    private final List<String> allowedOrigins;

    /**
     * @param tokens the token verifier, or null when tokens are not required
     * @param allowedOrigins the origins allowed, or empty for all
     */
    public ChatAccess(ChatTokens tokens, List<String> allowedOrigins) {
        this.tokens = tokens;
        this.allowedOrigins = allowedOrigins.stream().map(origin -> origin.toLowerCase(Locale.ROOT)).toList();
    }

    public boolean requiresTokens() {
        return tokens != null;
    }

    /**
     * The member a request speaks for.
     *
     * @param token the connection token, or null
     * @throws ProtocolException {@code unauthorized} for a missing or bad token, or the user rules' own errors
     */
    public Member member(String userId, String userName, String token) {
        if (tokens == null) {
            return new Member(ChatRules.userId(userId), ChatRules.userName(userName));
        }
        if (token == null || token.isBlank()) {
            throw new ProtocolException(ErrorCode.UNAUTHORIZED, "a connection token is required (CHAT_TOKEN_SECRET"
                    + " is set): ?token= on the socket, Authorization: Bearer on a post");
        }
        try {
            return tokens.verify(token);
        } catch (InvalidTokenException e) {
            throw new ProtocolException(ErrorCode.UNAUTHORIZED, e.getMessage());
        }
    }

    /**
     * @param origin the request's {@code Origin} header, or null (a client that is not a browser sends none)
     * @throws ProtocolException {@code forbidden_origin} for a page of an origin that is not allowed
     */
    public void checkOrigin(String origin) {
        if (origin != null && !allowedOrigins.isEmpty() && !allowedOrigins.contains(origin.toLowerCase(Locale.ROOT))) {
            throw new ProtocolException(ErrorCode.FORBIDDEN_ORIGIN, "pages of " + origin + " may not connect"
                    + " (CHAT_ALLOWED_ORIGINS)");
        }
    }
}
