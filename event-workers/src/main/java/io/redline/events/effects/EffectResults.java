package io.redline.events.effects;

import io.redline.core.redis.ScriptReply;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.redisson.api.stream.StreamMessageId;

/** What became of each entry of a batch: stored, refused by Redis (no retry can help), or failed for now. */
public final class EffectResults {

    private final Set<StreamMessageId> stored = new LinkedHashSet<>();
    private final Map<StreamMessageId, String> refused = new LinkedHashMap<>();
    private final Map<StreamMessageId, String> failed = new LinkedHashMap<>();

    void stored(StreamMessageId id) {
        stored.add(id);
    }

    /** Files an entry whose effect on {@code key} failed: refused when Redis said no, failed otherwise. */
    void failed(StreamMessageId id, String key, ScriptReply reply) {
        stored.remove(id);
        reply.refusal().ifPresentOrElse(reason -> refused.put(id, key + ": " + reason),
                () -> failed.put(id, key + ": " + reply.describe()));
    }

    /** Entries whose every effect is stored. */
    public Set<StreamMessageId> stored() {
        return Collections.unmodifiableSet(stored);
    }

    /** Entries Redis refused (a key of the wrong type...), with the key and Redis's reply: dead letters now. */
    public Map<StreamMessageId, String> refused() {
        return Collections.unmodifiableMap(refused);
    }

    /** Entries that failed for a reason that may pass (a lost connection, a timeout): left pending. */
    public Map<StreamMessageId, String> failed() {
        return Collections.unmodifiableMap(failed);
    }
}
