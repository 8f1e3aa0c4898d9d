package io.redline.events.consumer;

import io.redline.core.json.RedisCodecs;
import io.redline.core.keys.RedlineKeys;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamCreateGroupArgs;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The stream and its group, created if missing. */
public final class ConsumerGroup {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerGroup.class);

    private ConsumerGroup() {
    }

    public static RStream<String, String> stream(RedissonClient redis, RedlineKeys keys) {
        return redis.getStream(keys.eventStream(), RedisCodecs.STRING);
    }

    /**
     * {@code XGROUP CREATE events:ecommerce order-processors 0 MKSTREAM}: at id 0, so that events written before
     * the first deployment are processed (the {@code $} of many tutorials skips them). An existing group is kept.
     *
     * @return true when this call created the group
     */
    public static boolean ensure(RedissonClient redis, RedlineKeys keys) {
        try {
            stream(redis, keys).createGroup(StreamCreateGroupArgs.name(GroupNames.GROUP).id(new StreamMessageId(0, 0))
                    .makeStream());
            LOG.info("Created consumer group {} on {} at id 0", GroupNames.GROUP, keys.eventStream());
            return true;
        } catch (RedisException e) {
            if (e.getMessage() == null || !e.getMessage().contains("BUSYGROUP")) {
                throw e;
            }
            return false;
        }
    }
}
