package io.redline.chat.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.chat.message.ChatMessage;
import io.redline.chat.protocol.ErrorCode;
import io.redline.chat.protocol.ProtocolException;
import io.redline.chat.session.ChatService;
import io.redline.core.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /} (the page and its files), {@code GET /rooms/{room}/history} (the last 50 messages, oldest first)
 * and {@code POST /rooms/{room}/messages} ({@code {"userId","userName","content"}} → 201 and the message).
 */
public final class ChatHttpHandler extends Handler.Abstract {

    private static final Pattern HISTORY = Pattern.compile("/rooms/([^/]+)/history");
    private static final Pattern MESSAGES = Pattern.compile("/rooms/([^/]+)/messages");
    private static final int MAX_BODY = 16 * 1024;

    private final ChatService chat;
    private final StaticFiles files = new StaticFiles();

    public ChatHttpHandler(ChatService chat) {
        this.chat = chat;
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
            int status = e.code() == ErrorCode.RATE_LIMITED ? 429 : e.code() == ErrorCode.UNAVAILABLE ? 503 : 400;
            Map<String, String> error = new LinkedHashMap<>();
            error.put("error", e.code().wire());
            error.put("message", e.getMessage());
            json(response, callback, status, Json.write(error));
        }
        return true;
    }

    private ChatMessage post(String room, Request request) throws IOException {
        if (request.getLength() > MAX_BODY) {
            throw new ProtocolException(ErrorCode.INVALID_FRAME, "the body is larger than " + MAX_BODY + " bytes");
        }
        JsonNode body;
        try {
            body = Json.mapper().readTree(Content.Source.asString(request, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ProtocolException(ErrorCode.INVALID_JSON, "the body is not JSON");
        }
        if (body == null || !body.isObject()) {
            throw new ProtocolException(ErrorCode.INVALID_JSON, "the body must be a JSON object");
        }
        return chat.send(text(body, "userId"), text(body, "userName"), room, text(body, "content"));
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
