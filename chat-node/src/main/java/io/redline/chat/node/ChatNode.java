package io.redline.chat.node;

import io.redline.chat.http.ChatHttpHandler;
import io.redline.chat.http.ChatSockets;
import io.redline.chat.identity.ChatAccess;
import io.redline.chat.identity.ChatTokens;
import io.redline.chat.identity.IdentitySettings;
import io.redline.chat.message.ChatHistory;
import io.redline.chat.message.MessageIds;
import io.redline.chat.message.MessagePublisher;
import io.redline.chat.metrics.ChatMetrics;
import io.redline.chat.presence.Presence;
import io.redline.chat.room.RoomSubscriptions;
import io.redline.chat.session.ChatService;
import io.redline.chat.session.ChatSocket;
import io.redline.chat.session.PresenceBroadcast;
import io.redline.chat.session.SocketLimits;
import io.redline.chat.trace.ChatSpans;
import io.redline.core.http.JettyServer;
import io.redline.core.lifecycle.Managed;
import io.redline.core.process.ProcessContext;
import io.redline.core.ratelimit.RateLimit;
import io.redline.core.ratelimit.RateLimiterEvents;
import io.redline.core.ratelimit.RateLimiterSettings;
import io.redline.core.ratelimit.SlidingWindowRateLimiter;
import io.redline.core.redis.RedisMode;
import io.redline.core.redis.pipeline.AutoPipeline;
import io.redline.core.redis.pipeline.PipelineEvents;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/** Wires a chat node from its configuration and the process context. */
public final class ChatNode {

    /** The per-user send limiter's scope: {@code ratelimit:chat-send:{user}:...}. */
    public static final String SEND_SCOPE = "chat-send";
    /** The largest text message a client may send, over one frame or several; also the largest frame. */
    public static final int MAX_MESSAGE = 64 * 1024;

    /** This node's one id: in its message ids and its session ids. */
    private final String nodeId = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sessions = new AtomicLong();
    private final RoomSubscriptions rooms;
    private final Presence presence;
    private final JettyServer server;

    public ChatNode(ChatConfig config, ProcessContext context) {
        boolean cluster = context.config().redis().mode() == RedisMode.CLUSTER;
        ChatMetrics metrics = new ChatMetrics(context.metrics());
        // joins read presence and history from many sockets at once: together, not a pooled connection each
        AutoPipeline pipeline = AutoPipeline.withDefaults(context.redis(), PipelineEvents.NONE);
        ChatHistory history = new ChatHistory(pipeline, context.keys());
        ChatSpans spans = new ChatSpans(context.tracing());
        rooms = new RoomSubscriptions(context.redis(), context.keys(), cluster, metrics, history::recent,
                context.clock(), spans);
        metrics.watchRooms(rooms::subscribedRooms);
        presence = new Presence(context.redis(), pipeline, context.keys(), context.clock(), config.presenceTtl(),
                context.threadPools().scheduled("presence", 1), rooms::rooms, new PresenceBroadcast(rooms));
        SlidingWindowRateLimiter sendLimit = new SlidingWindowRateLimiter(context.redis(), pipeline, context.keys(),
                RateLimiterSettings.of(SEND_SCOPE, new RateLimit(config.sendLimit(), config.sendWindow())),
                RateLimiterEvents.NONE, context.clock());
        ChatService chat = new ChatService(history, new MessagePublisher(context.redis(), context.keys(), cluster),
                sendLimit, new MessageIds(nodeId, context.clock()), context.clock(), metrics, spans);
        SocketLimits limits = config.sockets();
        ScheduledExecutorService pings = context.threadPools().scheduled("chat-pings", 1);
        IdentitySettings identity = config.identity();
        ChatAccess access = new ChatAccess(identity.tokenSecret() == null ? null
                : new ChatTokens(identity.tokenSecret(), context.clock()), identity.allowedOrigins());
        ChatSockets sockets = new ChatSockets(access, user -> new ChatSocket(
                nodeId + "/" + sessions.incrementAndGet(), user, chat, rooms, presence, limits, pings,
                context.clock(), metrics));
        ChatHttpHandler http = new ChatHttpHandler(chat, access);
        server = new JettyServer("chat-http", config.httpPort(), 200, jetty -> {
            WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(jetty, container -> {
                container.setMaxTextMessageSize(MAX_MESSAGE);
                container.setMaxBinaryMessageSize(MAX_MESSAGE);
                container.setMaxFrameSize(MAX_MESSAGE);
                // a backstop only: the pings keep the socket busy, and the keepalive closes a silent client
                container.setIdleTimeout(limits.idleTimeout().multipliedBy(2));
                container.addMapping("/ws", sockets);
            });
            upgrade.setHandler(http);
            return upgrade;
        }, context.config().shutdownGrace());
    }

    /** Presence first, the server last: on stop the sockets close (leaving their rooms) before presence cleans up. */
    public List<Managed> parts() {
        return List.of(presence, server);
    }

    public RoomSubscriptions rooms() {
        return rooms;
    }

    public Presence presence() {
        return presence;
    }
}
