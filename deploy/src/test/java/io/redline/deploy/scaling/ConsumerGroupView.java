package io.redline.deploy.scaling;

import io.redline.testkit.RawRedis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The consumer group as KEDA and an operator see it: XPENDING and XINFO CONSUMERS, in plain commands. */
final class ConsumerGroupView {

    private final int port;
    private final String stream;
    private final String group;

    ConsumerGroupView(int port, String stream, String group) {
        this.port = port;
        this.stream = stream;
        this.group = group;
    }

    /** The XPENDING summary's count: what KEDA's pendingEntriesCount compares with its target. */
    long pending() {
        Object reply = call("XPENDING", stream, group);
        return reply instanceof List<?> summary ? ((Number) summary.get(0)).longValue() : 0;
    }

    /** The ids pending on consumers whose name starts with {@code prefix}. */
    List<String> pendingIdsOf(String prefix) {
        List<String> ids = new ArrayList<>();
        for (String consumer : consumers()) {
            if (consumer.startsWith(prefix)) {
                Object reply = call("XPENDING", stream, group, "-", "+", "100000", consumer);
                for (Object entry : (List<?>) reply) {
                    ids.add((String) ((List<?>) entry).get(0));
                }
            }
        }
        return ids;
    }

    List<String> consumers() {
        Object reply = call("XINFO", "CONSUMERS", stream, group);
        List<String> names = new ArrayList<>();
        if (reply instanceof List<?> consumers) {
            for (Object consumer : consumers) {
                List<?> fields = (List<?>) consumer;
                names.add((String) fields.get(fields.indexOf("name") + 1));
            }
        }
        return names;
    }

    Object call(String... command) {
        try {
            return RawRedis.once(port, command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
