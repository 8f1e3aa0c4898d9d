/**
 * {@code redline-event-workers.jar bench}: end-to-end events per second with 2 members beside the seed-style loop
 * (COUNT 5, one XACK per entry) in the same run, and how long a crashed member's entries wait for the survivor.
 */
package io.redline.events.bench;
