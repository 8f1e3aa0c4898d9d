/**
 * The consumer group: its set-up, the members' loops (own pending entries first, then new ones; one batch of
 * effects in one pipeline, one XACK per batch), and the dead-letter stream.
 */
package io.redline.events.consumer;
