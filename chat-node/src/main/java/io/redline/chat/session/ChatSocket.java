package io.redline.chat.session;

import io.redline.chat.message.ChatMessage;
import io.redline.chat.presence.Member;
import io.redline.chat.presence.Presence;
import io.redline.chat.protocol.ClientFrame;
import io.redline.chat.protocol.ErrorCode;
import io.redline.chat.protocol.ProtocolException;
import io.redline.chat.protocol.ServerFrames;
import io.redline.chat.room.RoomMember;
import io.redline.chat.room.RoomSubscriptions;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One client's WebSocket: its frames, its rooms, and what it is sent. */
public final class ChatSocket implements Session.Listener.AutoDemanding, RoomMember {

    private static final Logger LOG = LoggerFactory.getLogger(ChatSocket.class);

    private final String id;
    private final Member user;
    private final ChatService chat;
    private final RoomSubscriptions rooms;
    private final Presence presence;
    private final SocketLimits limits;
    private final ScheduledExecutorService pings;
    private final Clock clock;
    private final ChatEvents events;
    private final Map<String, RoomView> joined = new ConcurrentHashMap<>();
    /** What a room view sends goes to this socket's outbound queue; one instance, not one per delivery. */
    private final Consumer<String> toClient = this::sendFrame;
    private final ClientFrame.Handler frames = new ClientFrame.Handler() {
        @Override
        public void join(ClientFrame.Join frame) {
            ChatSocket.this.join(frame.room(), frame.since());
        }

        @Override
        public void send(ClientFrame.Send frame) {
            ChatSocket.this.send(frame.room(), frame.content());
        }

        @Override
        public void leave(ClientFrame.Leave frame) {
            ChatSocket.this.leave(frame.room());
        }
    };
    private volatile Session session;
    private volatile Outbound out;
    private volatile Keepalive keepalive;

    /**
     * @param pings where the socket's pings are scheduled
     */
    public ChatSocket(String id, Member user, ChatService chat, RoomSubscriptions rooms, Presence presence,
                      SocketLimits limits, ScheduledExecutorService pings, Clock clock, ChatEvents events) {
        this.id = id;
        this.user = user;
        this.chat = chat;
        this.rooms = rooms;
        this.presence = presence;
        this.limits = limits;
        this.pings = pings;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        String who = "session " + id + " of " + user.userId();
        session = opened;
        out = new Outbound(opened, limits.outboundQueue(), events, who);
        keepalive = new Keepalive(opened, limits, pings, clock, who);
        presence.connected(id);
        events.connected();
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        keepalive.heard();
    }

    @Override
    public void onWebSocketPing(ByteBuffer payload) {
        // a listener that takes pings must answer them itself
        keepalive.heard();
        session.sendPong(payload, Callback.NOOP);
    }

    @Override
    public void onWebSocketText(String text) {
        keepalive.heard();
        try {
            ClientFrame.parse(text).dispatchTo(frames);
        } catch (ProtocolException e) {
            out.send(ServerFrames.error(e.code(), e.getMessage()));
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        Keepalive current = keepalive;
        if (current != null) {
            current.stop();
        }
        List.copyOf(joined.keySet()).forEach(room -> {
            joined.remove(room);
            rooms.leave(room, this);
        });
        presence.disconnected(id);
        events.disconnected();
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("Session {} failed: {}", id, cause.toString());
    }

    @Override
    public void deliver(String room, String messageId, String json, String frame) {
        RoomView view = joined.get(room);
        if (view != null) {
            view.deliver(messageId, json, frame, toClient);
        }
    }

    @Override
    public void holdForCatchUp(String room) {
        RoomView view = joined.get(room);
        if (view != null) {
            view.hold();
        }
    }

    @Override
    public int catchUp(String room, List<String> history) {
        RoomView view = joined.get(room);
        return view == null ? 0 : view.catchUp(history, toClient);
    }

    /** Subscribe (held back), read history, then merge: no gap, no duplicate. */
    private void join(String room, String since) {
        if (!joined.containsKey(room) && joined.size() >= limits.maxRooms()) {
            throw new ProtocolException(ErrorCode.TOO_MANY_ROOMS, "at most " + limits.maxRooms()
                    + " rooms per connection (CHAT_MAX_ROOMS); leave one before joining " + room);
        }
        RoomView view = new RoomView();
        if (joined.putIfAbsent(room, view) != null) {
            // already in the room: the client asks for the history again (after a reconnect of its UI, say)
            out.send(historyFrame(room, since, ChatService.await(presence.members(room))));
            return;
        }
        try {
            ChatService.await(rooms.join(room, this));
            ChatService.await(presence.entered(room, id, user));
            List<String> history = chat.history(room);
            List<Member> members = ChatService.await(presence.members(room));
            view.open(history, messageIds(history), since, shown -> ServerFrames.history(room, shown, members),
                    toClient);
            presence.refresh(room);
        } catch (ProtocolException e) {
            joined.remove(room);
            rooms.leave(room, this);
            throw e;
        }
    }

    private void send(String room, String content) {
        if (!joined.containsKey(room)) {
            throw new ProtocolException(ErrorCode.NOT_JOINED, "join room " + room + " before sending to it");
        }
        try {
            // this node holds the room, so the message must reach at least this node's subscription
            chat.send(user.userId(), user.userName(), room, content, 1);
        } catch (ProtocolException e) {
            if (e.code() == ErrorCode.UNAVAILABLE) {
                rooms.suspectLost("a send to room " + room + " failed: " + e.getMessage());
            }
            throw e;
        }
    }

    private void leave(String room) {
        if (joined.remove(room) == null) {
            throw new ProtocolException(ErrorCode.NOT_JOINED, "not in room " + room);
        }
        rooms.leave(room, this);
        presence.left(room, id).thenRun(() -> presence.refresh(room));
    }

    private String historyFrame(String room, String since, List<Member> members) {
        List<String> history = chat.history(room);
        return ServerFrames.history(room, RoomView.after(history, messageIds(history), since), members);
    }

    private static List<String> messageIds(List<String> history) {
        List<String> ids = new ArrayList<>(history.size());
        history.forEach(json -> ids.add(ChatMessage.parse(json).id()));
        return ids;
    }

    @Override
    public void sendFrame(String frame) {
        Outbound current = out;
        if (current != null) {
            current.send(frame);
        }
    }
}
