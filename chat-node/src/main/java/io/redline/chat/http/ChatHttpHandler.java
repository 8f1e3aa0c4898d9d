package io.redline.chat.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.chat.identity.ChatAccess;
import io.redline.chat.message.ChatMessage;
import io.redline.chat.presence.Member;
import io.redline.chat.protocol.ErrorCode;
import io.redline.chat.protocol.ProtocolException;
import io.redline.chat.session.ChatService;
import io.redline.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /} (the page and its files), {@code GET /rooms/{room}/history} (the last 50 messages, oldest first)
 * and {@code POST /rooms/{room}/messages} ({@code {"userId","userName","content"}} as {@code application/json},
 * at most {@value #MAX_BODY} bytes → 201 and the message).
 */
public final class ChatHttpHandler extends Handler.Abstract {

    private static final Pattern HISTORY = Pattern.compile("/rooms/([^/]+)/history");
    private static final Pattern MESSAGES = Pattern.compile("/rooms/([^/]+)/messages");
    private static final int MAX_BODY = 16 * 1024;

    /** What a 401 answers: HTTP requires the challenge, and it says which scheme the node takes. */
    static final String BEARER_CHALLENGE = "Bearer realm=\"redline-chat\"";

    private final ChatService chat;
    private final ChatAccess access;
    private final StaticFiles files = new StaticFiles();

    public ChatHttpHandler(ChatService chat, ChatAccess access) {
        this.chat = chat;
        this.access = access;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        Matcher history = HISTORY.matcher(path);
        Matcher messages = MESSAGES.matcher(path);
        try {
            if (history.matches() && HttpMethod.GET.is(method)) {
                json(response, callback, 200, "[" + String.join(",", chat.history(history.group(1))) + "]");
            } else if (messages.matches() && HttpMethod.POST.is(method)) {
                ChatMessage message = post(messages.group(1), request);
                json(response, callback, 201, message.toJson());
            } else if (HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method)) {
                return files.serve(path, response, callback);
            } else {
                return false;
            }
        } catch (ProtocolException e) {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("error", e.code().wire());
            error.put("message", e.getMessage());
            if (e.code() == ErrorCode.UNAUTHORIZED) {
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, BEARER_CHALLENGE);
            }
            if (e.code() == ErrorCode.BODY_TOO_LARGE) {
                // the rest of the body stays unread: the connection cannot carry another request
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
            }
            json(response, callback, status(e.code()), Json.write(error));
        }
        return true;
    }

    private static int status(ErrorCode code) {
        switch (code) {
            case RATE_LIMITED:
                return 429;
            case UNAVAILABLE:
                return 503;
            case BODY_TOO_LARGE:
                return 413;
            case UNSUPPORTED_MEDIA_TYPE:
                return 415;
            case UNAUTHORIZED:
                return 401;
            case FORBIDDEN_ORIGIN:
                return 403;
            default:
                return 400;
        }
    }

    private ChatMessage post(String room, Request request) throws IOException {
        access.checkOrigin(request.getHeaders().get(HttpHeader.ORIGIN));
        requireJson(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
        Member member = access.requiresTokens() ? access.member(null, null, bearer(request)) : null;
        JsonNode body;
        try {
            body = Json.mapper().readTree(body(request));
        } catch (IOException e) {
            throw new ProtocolException(ErrorCode.INVALID_JSON, "the body is not JSON");
        }
        if (body == null || !body.isObject()) {
            throw new ProtocolException(ErrorCode.INVALID_JSON, "the body must be a JSON object");
        }
        // this node need not hold the room: a subscription of its that is down is caught up when it is back
        if (member != null) {
            // the token says who posts; a body that claims someone else is refused rather than silently overridden
            String claimed = body.hasNonNull("userId") ? text(body, "userId") : null;
            if (claimed != null && !claimed.equals(member.userId())) {
                throw new ProtocolException(ErrorCode.UNAUTHORIZED, "the body's userId is not the token's user");
            }
            return chat.send(member.userId(), member.userName(), room, text(body, "content"), 0);
        }
        return chat.send(text(body, "userId"), text(body, "userName"), room, text(body, "content"), 0);
    }

    private static String bearer(Request request) {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
    }

    /**
     * A form of another site can post {@code text/plain} or a form encoding without asking first; only a script
     * of this origin (or a client that is not a browser) can send {@code application/json}.
     */
    private static void requireJson(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip();
        if (!type.equalsIgnoreCase("application/json")) {
            throw new ProtocolException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json, but"
                    + " was " + (contentType == null ? "of no Content-Type" : Json.write(contentType)));
        }
    }

    /**
     * Reads at most {@value #MAX_BODY} bytes, whatever the framing: a chunked body announces no length, so the
     * limit is enforced on what is read, and the read stops at the first byte over it.
     */
    private static byte[] body(Request request) throws IOException {
        long announced = request.getLength();
        if (announced > MAX_BODY) {
            throw tooLarge(announced + " bytes");
        }
        // not closed: closing would fail the request's content, and the response is still to be written
        InputStream in = Content.Source.asInputStream(request);
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw tooLarge("more");
        }
        return body;
    }

    private static ProtocolException tooLarge(String size) {
        return new ProtocolException(ErrorCode.BODY_TOO_LARGE, "the body must be at most " + MAX_BODY
                + " bytes, but was " + size);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw new ProtocolException(ErrorCode.INVALID_FRAME, field + " is required (a string)");
        }
        return value.asText();
    }

    private static void json(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put("Content-Type", "application/json");
        response.getHeaders().put("Cache-Control", "no-store");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
