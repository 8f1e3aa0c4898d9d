package io.redline.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.redisson.client.RedisException;
import org.redisson.client.RedisOutOfMemoryException;
import org.redisson.client.RedisTimeoutException;

class ScriptReplyTest {

    @Test
    void aWrongTypeReplyIsARefusalInRedissOwnWords() {
        ScriptReply reply = ScriptReply.failed(new RedisException("WRONGTYPE Operation against a key holding the"
                + " wrong kind of value script: e6a86ad1a924540477c9472c2190eee2a2a70445, on @user_script:1.."
                + " channel: [id: 0xebc7ff4f] command: (EVALSHA), params: [e6a8, 1, bad]"));
        assertEquals(Optional.of("WRONGTYPE Operation against a key holding the wrong kind of value"),
                reply.refusal());
    }

    /** An ACL refusal counted as the entry's own refusal sent every entry to the dead letters at once. */
    @Test
    void anAclRefusalIsNoRefusalOfTheEntry() {
        assertEquals(Optional.empty(), ScriptReply.failed(new RedisException("NOPERM this user has no permissions"
                + " to access one of the keys used as arguments. channel: [id: 0x1] command: (EVALSHA), params:"
                + " [e6a8, 1, order:{o-1}]")).refusal());
        assertEquals(Optional.empty(), ScriptReply.failed(new RedisException("ERR The user executing the script"
                + " can't run this command or subcommand script: 8b2a, on @user_script:1.. channel: [id: 0x1]"
                + " command: (EVALSHA), params: [8b2a, 1, order:{o-1}]")).refusal());
    }

    @Test
    void whatMayPassLaterIsNoRefusal() {
        assertEquals(Optional.empty(), ScriptReply.failed(new RedisTimeoutException("Command execution timeout"))
                .refusal());
        assertEquals(Optional.empty(), ScriptReply.failed(new RedisOutOfMemoryException("OOM command not allowed"))
                .refusal());
        assertEquals(Optional.empty(), ScriptReply.failed(new RedisException("Unexpected exception while"
                + " processing command")).refusal(), "Redisson's own failures are not Redis's replies");
        assertEquals(Optional.empty(), ScriptReply.of(1L).refusal());
    }

    @Test
    void describeGivesTheFirstSentenceOfAnyError() {
        assertEquals("Command execution timeout for command: (EVALSHA)", ScriptReply.failed(
                new RedisTimeoutException("Command execution timeout for command: (EVALSHA). channel: [id: 1]"))
                .describe());
        assertEquals("ok", ScriptReply.of(null).describe());
    }
}
