package io.redline.chat.http;

import io.redline.chat.identity.ChatAccess;
import io.redline.chat.presence.Member;
import io.redline.chat.protocol.ProtocolException;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;

/**
 * Accepts {@code GET /ws?user=ID&name=NAME} (or {@code ?token=TOKEN} where tokens are required): a valid user gets a
 * socket; a bad user gets a 400, a missing or bad token a 401, a page of an origin not allowed a 403, and no upgrade.
 */
public final class ChatSockets implements WebSocketCreator {

    private final ChatAccess access;
    private final Function<Member, Object> sockets;

    /**
     * @param access who may connect, and as whom
     * @param sockets makes the socket of a user
     */
    public ChatSockets(ChatAccess access, Function<Member, Object> sockets) {
        this.access = access;
        this.sockets = sockets;
    }

    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response,
                                  Callback callback) {
        Fields query = Request.extractQueryParameters(request);
        try {
            access.checkOrigin(request.getHeaders().get(HttpHeader.ORIGIN));
            return sockets.apply(access.member(query.getValue("user"), query.getValue("name"),
                    query.getValue("token")));
        } catch (ProtocolException e) {
            switch (e.code()) {
                case UNAUTHORIZED:
                    response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, ChatHttpHandler.BEARER_CHALLENGE);
                    Response.writeError(request, response, callback, 401, e.getMessage());
                    break;
                case FORBIDDEN_ORIGIN:
                    Response.writeError(request, response, callback, 403, e.getMessage());
                    break;
                default:
                    Response.writeError(request, response, callback, 400, "?user=ID&name=NAME: " + e.getMessage());
                    break;
            }
            return null;
        }
    }
}
