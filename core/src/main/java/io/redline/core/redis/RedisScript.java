package io.redline.core.redis;

import io.redline.core.concurrent.Futures;
import io.redline.core.json.RedisCodecs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisNoScriptException;

/**
 * A Lua script called by its SHA-1 ({@code EVALSHA}): one round trip, no script text on the wire. When a server
 * does not know the script (a restart, a failover, {@code SCRIPT FLUSH}), it is loaded on the node that owns the
 * keys and the call is repeated once.
 */
public final class RedisScript {

    private final String source;
    private final String sha;

    public RedisScript(String source) {
        this.source = source;
        this.sha = sha1(source);
    }

    /** A script kept as a class-path resource beside {@code owner}. */
    public static RedisScript fromResource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing script " + name + " beside " + owner.getName());
            }
            return new RedisScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the script on every master (for callers that send it by SHA in pipelines). */
    public CompletionStage<String> load(RedissonClient redis) {
        return redis.getScript(RedisCodecs.STRING).scriptLoadAsync(source);
    }

    public String sha() {
        return sha;
    }

    /**
     * Runs the script on the node owning {@code keys} (which must share a hash slot) with string arguments.
     *
     * @return the reply as Redis gives it with the string codec: Long, String, List or null
     */
    public <R> CompletionStage<R> call(RedissonClient redis, RScript.Mode mode, RScript.ReturnType type,
                                       List<Object> keys, Object... args) {
        return call(redis.getScript(RedisCodecs.STRING), mode, type, keys, args);
    }

    /**
     * As {@link #call(RedissonClient, RScript.Mode, RScript.ReturnType, List, Object...)}, through a script
     * object of the caller's: one made with {@code OptionalOptions} has its own timeout and retries.
     */
    public <R> CompletionStage<R> call(RScript script, RScript.Mode mode, RScript.ReturnType type,
                                       List<Object> keys, Object... args) {
        String routingKey = (String) keys.get(0);
        return script.<R>evalShaAsync(routingKey, mode, sha, type, keys, args).exceptionallyCompose(error -> {
            if (!(Futures.unwrap(error) instanceof RedisNoScriptException)) {
                return CompletableFuture.failedFuture(Futures.unwrap(error));
            }
            return script.scriptLoadAsync(routingKey, source)
                    .thenCompose(loaded -> script.<R>evalShaAsync(routingKey, mode, sha, type, keys, args));
        });
    }

    private static String sha1(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
