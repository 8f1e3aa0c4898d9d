package io.redline.events.effects;

import io.redline.events.event.OrderEvent;
import org.redisson.api.RBatch;

/** Adds an event's effects to a pipelined batch. Effects must be idempotent: an entry may be applied again. */
@FunctionalInterface
public interface EventHandler {

    /** @throws Exception when the event cannot be applied now (it is left pending and retried) */
    void apply(OrderEvent event, RBatch batch) throws Exception;
}
