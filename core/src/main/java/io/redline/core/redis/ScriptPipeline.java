package io.redline.core.redis;

import io.redline.core.concurrent.Futures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.redisson.api.BatchOptions;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisNoScriptException;
import org.redisson.client.codec.StringCodec;

/**
 * Script calls sent by SHA in one pipeline, each answered on its own. Redisson fails a batch as a whole when any
 * command fails, but every command's own future holds its own reply: reading those, one bad key fails only its own
 * call. Calls answered {@code NOSCRIPT} (a restart, a failover) have their script loaded and are sent once more.
 *
 * @param <T> what names a call for its caller (unique per call)
 */
public final class ScriptPipeline<T> {

    private final RedissonClient redis;
    private final List<Call<T>> calls = new ArrayList<>();

    public ScriptPipeline(RedissonClient redis) {
        this.redis = redis;
    }

    /** Queues a call; {@code keys} must share a hash slot (the first one routes it). */
    public void add(T name, RedisScript script, List<String> keys, List<String> args) {
        calls.add(new Call<>(name, script, List.copyOf(keys), List.copyOf(args)));
    }

    public boolean isEmpty() {
        return calls.isEmpty();
    }

    /** Sends every call; never throws for a failed call: its reply carries the error. */
    public Map<T, ScriptReply> execute() {
        return execute(ReplicaWait.NONE);
    }

    /**
     * As {@link #execute()}, and a call counts as done only once {@code replicas} are confirmed by its master: one
     * batch per master, with a {@code WAIT} after its calls on the same connection; the calls of a master that did
     * not confirm in time get a {@link ReplicaWait.NotReplicatedException} (which may pass) instead of their value.
     */
    public Map<T, ScriptReply> execute(ReplicaWait replicas) {
        Map<T, ScriptReply> replies = sendWaiting(calls, replicas);
        List<Call<T>> unknown = new ArrayList<>();
        Set<RedisScript> scripts = new LinkedHashSet<>();
        for (Call<T> call : calls) {
            if (replies.get(call.name()).error() instanceof RedisNoScriptException) {
                unknown.add(call);
                scripts.add(call.script());
            }
        }
        if (!unknown.isEmpty()) {
            CompletableFuture.allOf(scripts.stream().map(script -> script.load(redis).toCompletableFuture())
                    .toArray(CompletableFuture[]::new)).join();
            replies.putAll(sendWaiting(unknown, replicas));
        }
        return replies;
    }

    private Map<T, ScriptReply> sendWaiting(List<Call<T>> batchCalls, ReplicaWait replicas) {
        if (!replicas.waits() || batchCalls.isEmpty()) {
            return send(batchCalls, BatchOptions.defaults(), null).join();
        }
        Map<Call<T>, String> routing = new LinkedHashMap<>();
        batchCalls.forEach(call -> routing.put(call, call.keys().get(0)));
        // one batch per master, all on their way before any answer is awaited
        List<CompletableFuture<Map<T, ScriptReply>>> sent = new ArrayList<>();
        for (ReplicaWait.Master<Call<T>> master : replicas.plan(routing)) {
            sent.add(send(master.names(), replicas.options(master.wanted()), (reached, failure) ->
                    master.wanted() > 0 && (failure != null || reached < master.wanted())
                            ? replicas.shortfall(master, reached, failure) : null));
        }
        Map<T, ScriptReply> replies = new LinkedHashMap<>();
        sent.forEach(batch -> replies.putAll(batch.join()));
        return replies;
    }

    /**
     * @param unreplicated given the replicas a batch reached (or its failure), why its successful calls do not
     *                     count as done, or null when they do; null for a batch that waits for no replica
     */
    private CompletableFuture<Map<T, ScriptReply>> send(List<Call<T>> batchCalls, BatchOptions options,
                                                        BiFunction<Integer, Throwable, RuntimeException> unreplicated) {
        if (batchCalls.isEmpty()) {
            return CompletableFuture.completedFuture(new LinkedHashMap<>());
        }
        RBatch batch = redis.createBatch(options);
        List<CompletableFuture<Object>> futures = new ArrayList<>(batchCalls.size());
        for (Call<T> call : batchCalls) {
            futures.add(batch.getScript(StringCodec.INSTANCE).evalShaAsync(call.keys().get(0),
                    RScript.Mode.READ_WRITE, call.script().sha(), RScript.ReturnType.VALUE,
                    new ArrayList<Object>(call.keys()), call.args().toArray()).toCompletableFuture());
        }
        CompletableFuture<BatchResult<?>> executed;
        try {
            executed = batch.executeAsync().toCompletableFuture();
        } catch (RuntimeException e) {
            // a client shut down refuses at once: the calls fail with it, as a failed pipeline's do
            executed = CompletableFuture.failedFuture(e);
        }
        return executed.handle((result, error) -> {
            // Redisson fails a batch as a whole when one call fails; each call's own future still holds its reply
            Throwable whole = error == null ? null : Futures.unwrap(error);
            int reached = result == null ? 0 : result.getSyncedSlaves();
            RuntimeException notDone = unreplicated == null ? null : unreplicated.apply(reached, whole);
            Map<T, ScriptReply> replies = new LinkedHashMap<>();
            for (int i = 0; i < batchCalls.size(); i++) {
                ScriptReply reply = reply(futures.get(i), whole);
                replies.put(batchCalls.get(i).name(), notDone != null && reply.ok() ? ScriptReply.failed(notDone)
                        : reply);
            }
            return replies;
        });
    }

    private static ScriptReply reply(CompletableFuture<Object> future, Throwable whole) {
        if (!future.isDone()) {
            // the pipeline failed before this call was answered (a lost connection): it failed with it
            return ScriptReply.failed(whole != null ? whole : new IllegalStateException("no reply"));
        }
        try {
            return ScriptReply.of(future.getNow(null));
        } catch (RuntimeException e) {
            return ScriptReply.failed(e.getCause() != null ? e.getCause() : e);
        }
    }

    private record Call<T>(T name, RedisScript script, List<String> keys, List<String> args) {
    }
}
