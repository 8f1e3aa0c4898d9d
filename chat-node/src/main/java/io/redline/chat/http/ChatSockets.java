package io.redline.chat.http;

import io.redline.chat.presence.Member;
import io.redline.chat.protocol.ChatRules;
import io.redline.chat.protocol.ProtocolException;
import java.util.function.Function;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;

/** Accepts {@code GET /ws?user=ID&name=NAME}: a valid user gets a socket, anything else a 400 and no upgrade. */
public final class ChatSockets implements WebSocketCreator {

    private final Function<Member, Object> sockets;

    /**
     * @param sockets makes the socket of a user
     */
    public ChatSockets(Function<Member, Object> sockets) {
        this.sockets = sockets;
    }

    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response,
                                  Callback callback) {
        Fields query = Request.extractQueryParameters(request);
        try {
            Member user = new Member(ChatRules.userId(query.getValue("user")),
                    ChatRules.userName(query.getValue("name")));
            return sockets.apply(user);
        } catch (ProtocolException e) {
            Response.writeError(request, response, callback, 400, "?user=ID&name=NAME: " + e.getMessage());
            return null;
        }
    }
}
