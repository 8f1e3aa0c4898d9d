package io.redline.core.redis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.redisson.api.BatchOptions;
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
        Map<T, ScriptReply> replies = send(calls);
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
            replies.putAll(send(unknown));
        }
        return replies;
    }

    private Map<T, ScriptReply> send(List<Call<T>> batchCalls) {
        Map<T, ScriptReply> replies = new LinkedHashMap<>();
        if (batchCalls.isEmpty()) {
            return replies;
        }
        RBatch batch = redis.createBatch(BatchOptions.defaults());
        List<CompletableFuture<Object>> futures = new ArrayList<>(batchCalls.size());
        for (Call<T> call : batchCalls) {
            futures.add(batch.getScript(StringCodec.INSTANCE).evalShaAsync(call.keys().get(0),
                    RScript.Mode.READ_WRITE, call.script().sha(), RScript.ReturnType.VALUE,
                    new ArrayList<Object>(call.keys()), call.args().toArray()).toCompletableFuture());
        }
        RuntimeException whole = null;
        try {
            batch.execute();
        } catch (RuntimeException e) {
            whole = e;
        }
        for (int i = 0; i < batchCalls.size(); i++) {
            replies.put(batchCalls.get(i).name(), reply(futures.get(i), whole));
        }
        return replies;
    }

    private static ScriptReply reply(CompletableFuture<Object> future, RuntimeException whole) {
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
