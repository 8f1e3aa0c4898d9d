/**
 * What an event does to Redis: the order's projection and the dashboard's aggregates, each written by an
 * idempotent script in one slot, so that any delivery order and any number of deliveries give one result.
 */
package io.redline.events.effects;
