package io.redline.core.redis.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;

/**
 * Automatic pipelining of small independent commands from many callers. Redisson gives every command a pooled
 * connection of its own until its reply arrives, so 64 requests in flight mean 64 connections, 64 writes and 64
 * reads on both sides, and callers queue on the pool's semaphore. Here, a call goes out at once while fewer than
 * {@code maxInFlight} pipelines are on the wire; otherwise it waits for the next one, and everything that waited
 * leaves together, as one {@link RBatch} (one write per Redis node), as soon as a pipeline on the wire is answered.
 * Nothing waits on a timer: a lone call is sent at once.
 *
 * <p>Each call is answered on its own: a failed command fails only its own future; a pipeline that fails as a
 * whole (a lost connection) fails every call of it that was not answered.
 */
public final class AutoPipeline {

    private final RedissonClient redis;
    private final BatchOptions options;
    private final int maxInFlight;
    private final int maxBatch;
    private final PipelineEvents events;
    /** Plain commands: each question is a command of its own. */
    private static final Coalescing<Function<RBatch, RFuture<Object>>, Object> ONE_EACH = (batch, commands) -> {
        List<CompletionStage<Object>> answers = new ArrayList<>(commands.size());
        for (Function<RBatch, RFuture<Object>> command : commands) {
            try {
                answers.add(command.apply(batch));
            } catch (RuntimeException e) {
                answers.add(CompletableFuture.failedFuture(e));
            }
        }
        return answers;
    };

    private final Object lock = new Object();
    private List<Call<?, ?>> waiting = new ArrayList<>();
    private int inFlight;

    /**
     * Pipelines on the wire at once, by default. Measured on the gateway (BENCHMARKS.md): 1 instead of 4 made no
     * difference beyond the machine's noise; 4 keep a slow reply from holding everything back.
     */
    public static final int DEFAULT_IN_FLIGHT = 4;
    /** The most calls one pipeline carries, by default. */
    public static final int DEFAULT_MAX_CALLS = 128;

    /** A pipeline with the defaults: {@link #DEFAULT_IN_FLIGHT} on the wire, {@link #DEFAULT_MAX_CALLS} each. */
    public static AutoPipeline withDefaults(RedissonClient redis, PipelineEvents events) {
        return new AutoPipeline(redis, DEFAULT_IN_FLIGHT, DEFAULT_MAX_CALLS, events);
    }

    /**
     * @param maxInFlight how many pipelines may be on the wire at once (at least 1)
     * @param maxBatch the most calls one pipeline carries (at least 1)
     */
    public AutoPipeline(RedissonClient redis, int maxInFlight, int maxBatch, PipelineEvents events) {
        if (maxInFlight < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("maxInFlight and maxBatch must be >= 1, but were " + maxInFlight
                    + " and " + maxBatch);
        }
        this.redis = redis;
        // not atomic, no MULTI: independent commands that share a write
        this.options = BatchOptions.defaults().executionMode(BatchOptions.ExecutionMode.IN_MEMORY);
        this.maxInFlight = maxInFlight;
        this.maxBatch = maxBatch;
        this.events = events;
    }

    /**
     * Sends one command, built on the pipeline that carries it (e.g. {@code batch -> batch.getBucket(key)
     * .getAsync()}); the command must not wait on anything.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> CompletionStage<T> call(Function<RBatch, RFuture<T>> command) {
        return call((Coalescing) ONE_EACH, command);
    }

    /** Asks {@code question}; the questions of {@code kind} that leave in one pipeline are asked together. */
    public <Q, A> CompletionStage<A> call(Coalescing<Q, A> kind, Q question) {
        Call<Q, A> call = new Call<>(kind, question, new CompletableFuture<>());
        List<Call<?, ?>> ready = null;
        synchronized (lock) {
            waiting.add(call);
            if (inFlight < maxInFlight) {
                inFlight++;
                ready = take();
            }
        }
        if (ready != null) {
            send(ready);
        }
        return call.answer;
    }

    private List<Call<?, ?>> take() {
        if (waiting.size() <= maxBatch) {
            List<Call<?, ?>> all = waiting;
            waiting = new ArrayList<>();
            return all;
        }
        List<Call<?, ?>> head = new ArrayList<>(waiting.subList(0, maxBatch));
        waiting = new ArrayList<>(waiting.subList(maxBatch, waiting.size()));
        return head;
    }

    private void send(List<Call<?, ?>> calls) {
        events.sent(calls.size());
        Map<Coalescing<?, ?>, List<Call<?, ?>>> byKind = new LinkedHashMap<>();
        for (Call<?, ?> call : calls) {
            byKind.computeIfAbsent(call.kind(), kind -> new ArrayList<>()).add(call);
        }
        if (byKind.size() == 1 && sendAlone(calls)) {
            return;
        }
        RBatch batch = redis.createBatch(options);
        byKind.values().forEach(group -> ask(batch, group));
        executed(batch).whenComplete((replies, error) -> {
            for (Call<?, ?> call : calls) {
                // a command's own reply (or error) completed it already; these were lost with the pipeline
                if (!call.answer().isDone()) {
                    call.answer().completeExceptionally(error != null ? error
                            : new IllegalStateException("Redis pipeline ended without answering this command"));
                }
            }
            answered();
        });
    }

    /** Never throws: a pipeline that cannot be sent must still end, or no call would ever leave again. */
    private static CompletionStage<?> executed(RBatch batch) {
        try {
            return batch.executeAsync();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean sendAlone(List<Call<?, ?>> calls) {
        Coalescing kind = calls.get(0).kind();
        List<CompletionStage<Object>> answers = guarded(calls.size(), () -> kind.sendAlone(redis, questions(calls)));
        if (answers == null) {
            return false;
        }
        link((List) calls, answers);
        CompletableFuture.allOf(calls.stream().map(Call::answer).toArray(CompletableFuture[]::new))
                .whenComplete((all, error) -> answered());
        return true;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void ask(RBatch batch, List<Call<?, ?>> group) {
        Coalescing kind = group.get(0).kind();
        link(group, guarded(group.size(), () -> kind.addTo(batch, questions(group))));
    }

    /** The answers a kind gives, or, if it throws instead, that failure for each of its {@code count} calls. */
    private static List<CompletionStage<Object>> guarded(int count, Supplier<List<CompletionStage<Object>>> ask) {
        try {
            return ask.get();
        } catch (RuntimeException e) {
            List<CompletionStage<Object>> failed = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                failed.add(CompletableFuture.failedFuture(e));
            }
            return failed;
        }
    }

    private static List<Object> questions(List<Call<?, ?>> calls) {
        List<Object> questions = new ArrayList<>(calls.size());
        calls.forEach(call -> questions.add(call.question()));
        return questions;
    }

    @SuppressWarnings("unchecked")
    private static void link(List<Call<?, ?>> group, List<CompletionStage<Object>> answers) {
        for (int i = 0; i < group.size(); i++) {
            CompletableFuture<Object> answer = (CompletableFuture<Object>) group.get(i).answer();
            answers.get(i).whenComplete((value, error) -> {
                if (error != null) {
                    answer.completeExceptionally(error);
                } else {
                    answer.complete(value);
                }
            });
        }
    }

    private void answered() {
        List<Call<?, ?>> next;
        synchronized (lock) {
            if (waiting.isEmpty()) {
                inFlight--;
                return;
            }
            next = take();
        }
        send(next);
    }

    private record Call<Q, A>(Coalescing<Q, A> kind, Q question, CompletableFuture<A> answer) {
    }
}
