package io.redline.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.redisson.client.RedisException;

/** The messages are Redisson 4.7's, as a user without the rights met them against Redis 7.0. */
class RedisRefusalTest {

    private static final String XADD = "NOPERM this user has no permissions to run the 'xadd' command. channel:"
            + " [id: 0x97843d05, L:/127.0.0.1:42668 - R:127.0.0.1/127.0.0.1:36379] command: (XADD), params:"
            + " [events:ecommerce, *, type, order.created, payload, {\"orderId\":\"o-1\", \"secret\":\"s3cr3t\"}],"
            + " promise: java.util.concurrent.CompletableFuture@468f548c[Not completed, 1 dependents]";

    @Test
    void aRefusedCommandIsNamedWithItsKeyAndNothingElseOfItsArguments() {
        String line = RedisRefusal.describe(new CompletionException(new RedisException(XADD)));
        assertEquals("Redis refused XADD on events:ecommerce: NOPERM this user has no permissions to run the 'xadd'"
                + " command (an ACL rule of the Redis user forbids it)", line);
        assertFalse(line.contains("s3cr3t"), line);
    }

    @Test
    void aScriptIsNamedWithItsKeysNotItsArguments() {
        RedisRefusal refusal = RedisRefusal.of(new RedisException("NOPERM this user has no permissions to access"
                + " one of the keys used as arguments. channel: [id: 0x1] command: (EVALSHA), params: [e6a8, 2,"
                + " order:{o-1}, stats:revenue:{2026-11-29}, 2100, secret-arg], promise: x")).orElseThrow();
        assertEquals(new RedisRefusal("NOPERM this user has no permissions to access one of the keys used as"
                + " arguments", "EVALSHA", List.of("order:{o-1}", "stats:revenue:{2026-11-29}")), refusal);
    }

    @Test
    void aCallRefusedInsideAScriptIsARefusalToo() {
        RedisRefusal refusal = RedisRefusal.of(new RedisException("ERR The user executing the script can't run"
                + " this command or subcommand script: 8b2ae6dd, on @user_script:1.. channel: [id: 0x2] command:"
                + " (EVALSHA), params: [8b2a, 1, stats:dashboard:lock, token]")).orElseThrow();
        assertEquals(List.of("stats:dashboard:lock"), refusal.targets());
    }

    @Test
    void theStreamsOfAGroupReadAreItsKeys() {
        RedisRefusal refusal = RedisRefusal.of(new RedisException("NOPERM this user has no permissions to access"
                + " one of the keys used as arguments. channel: [id: 0x3] command: (XREADGROUP), params: [GROUP,"
                + " order-processors, host-1, COUNT, 10, BLOCK, 2000, STREAMS, events:ecommerce, >]")).orElseThrow();
        assertEquals(List.of("events:ecommerce"), refusal.targets());
    }

    @Test
    void aSubCommandSentAsAnArgumentIsNamedWithTheCommand() {
        RedisRefusal refusal = RedisRefusal.of(new RedisException("NOPERM this user has no permissions to run the"
                + " 'xgroup|create' command. channel: [id: 0x5] command: (XGROUP), params: [CREATE, events:ecommerce,"
                + " order-processors, 0-0, MKSTREAM]")).orElseThrow();
        assertEquals("XGROUP CREATE", refusal.command());
        assertEquals(List.of("events:ecommerce"), refusal.targets());
    }

    @Test
    void aPublishNamesItsChannel() {
        assertEquals(List.of("channel chat:room:{a}"), RedisRefusal.of(new RedisException("NOPERM this user has no"
                + " permissions to access one of the channels used as arguments. channel: [id: 0x4] command:"
                + " (PUBLISH), params: [chat:room:{a}, {\"content\":\"hi\"}]")).orElseThrow().targets());
    }

    @Test
    void otherErrorsAreNoRefusal() {
        assertEquals(Optional.empty(), RedisRefusal.of(new RedisException("WRONGTYPE Operation against a key"
                + " holding the wrong kind of value")));
        assertEquals("java.lang.IllegalStateException: boom", RedisRefusal.describe(new IllegalStateException(
                "boom")));
    }
}
