/**
 * The event-workers process: order events on the Redis Stream {@code events:ecommerce}, consumed by the group
 * {@code order-processors}, with an autoclaim reaper, dead letters and exactly-once projections.
 * {@link io.redline.events.EventsMain} is the command line; the features live in the sub-packages.
 */
package io.redline.events;
