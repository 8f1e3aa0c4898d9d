package io.redline.chat.session;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.redline.chat.message.ChatHistory;
import io.redline.chat.message.ChatMessage;
import io.redline.chat.message.MessageIds;
import io.redline.chat.message.MessagePublisher;
import io.redline.chat.protocol.ChatRules;
import io.redline.chat.protocol.ErrorCode;
import io.redline.chat.protocol.ProtocolException;
import io.redline.chat.trace.ChatSpans;
import io.redline.core.ratelimit.RateLimitDecision;
import io.redline.core.ratelimit.SlidingWindowRateLimiter;
import io.redline.core.tracing.TraceParent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sending and reading messages, shared by the WebSocket and the HTTP endpoints. */
public final class ChatService {

    private static final Duration REDIS_WAIT = Duration.ofSeconds(5);

    private final ChatHistory history;
    private final MessagePublisher publisher;
    private final SlidingWindowRateLimiter sendLimit;
    private final MessageIds ids;
    private final Clock clock;
    private final ChatEvents events;
    private final ChatSpans spans;

    public ChatService(ChatHistory history, MessagePublisher publisher, SlidingWindowRateLimiter sendLimit,
                       MessageIds ids, Clock clock, ChatEvents events) {
        this(history, publisher, sendLimit, ids, clock, events, ChatSpans.off());
    }

    /** @param spans the {@code chat send} span of each message, whose traceparent the message carries */
    public ChatService(ChatHistory history, MessagePublisher publisher, SlidingWindowRateLimiter sendLimit,
                       MessageIds ids, Clock clock, ChatEvents events, ChatSpans spans) {
        this.spans = spans;
        this.history = history;
        this.publisher = publisher;
        this.sendLimit = sendLimit;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Validates, rate-limits per user, publishes and stores a message.
     *
     * @param minReceivers the nodes the message must reach to be stored: 1 when the sender's node holds the room
     *                     (it must reach that node at least), 0 when it need reach no one
     * @throws ProtocolException for invalid input, a user over their limit, or Redis unavailable (nothing stored)
     */
    public ChatMessage send(String userId, String userName, String room, String content, int minReceivers) {
        Span span = spans.send(room);
        try {
            return send(userId, userName, room, content, minReceivers, span);
        } catch (ProtocolException e) {
            span.setStatus(StatusCode.ERROR, e.getMessage());
            throw e;
        } finally {
            span.end();
        }
    }

    private ChatMessage send(String userId, String userName, String room, String content, int minReceivers,
                             Span span) {
        ChatMessage message = new ChatMessage(ids.next(), ChatRules.room(room), ChatRules.userId(userId),
                ChatRules.userName(userName), ChatRules.content(content), clock.millis(),
                TraceParent.of(Context.current().with(span)).orElse(null));
        ChatSpans.identify(span, message.id());
        RateLimitDecision decision = await(sendLimit.acquire(userId));
        if (!decision.allowed()) {
            throw new ProtocolException(ErrorCode.RATE_LIMITED, "at most " + decision.limit()
                    + " messages per window; retry in " + decision.retryAfterSeconds() + " s");
        }
        long receivers = await(publisher.publish(message, minReceivers));
        if (receivers < minReceivers) {
            throw new ProtocolException(ErrorCode.UNAVAILABLE, "not sent: this node is subscribing to room "
                    + message.roomId() + " again after losing its connection to Redis; nothing was stored,"
                    + " send it again");
        }
        events.messageIn();
        return message;
    }

    /** The room's last messages as JSON, oldest first. */
    public List<String> history(String room) {
        List<String> messages = await(history.recent(ChatRules.room(room)));
        events.historyRead();
        return messages;
    }

    static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(REDIS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProtocolException(ErrorCode.UNAVAILABLE, "interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw new ProtocolException(ErrorCode.UNAVAILABLE, "the chat store is unavailable; try again");
        }
    }
}
