package io.redline.events.effects;

import io.redline.events.event.OrderEvent;

/** Says what an event changes. Effects must be idempotent: an entry may be applied again. */
@FunctionalInterface
public interface EventHandler {

    /** @throws Exception when the event cannot be applied now (it is left pending and retried) */
    void apply(OrderEvent event, EntryEffects effects) throws Exception;
}
