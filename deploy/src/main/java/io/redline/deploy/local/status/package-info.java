/**
 * The runner's terminal: one status line (processes up, gateway requests and hit ratio, chat messages, events and
 * pending entries, the last dashboard run) rewritten in place on a terminal and printed every 10 s otherwise,
 * from the processes' own {@code /metrics} and the dashboard stored in Redis.
 */
package io.redline.deploy.local.status;
