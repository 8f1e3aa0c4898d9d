/**
 * Presence, crash-safe: each node re-scores its sessions in Redis on a heartbeat, and entries whose score (an
 * expiry time) has passed no longer count, so the users of a node that dies vanish without anyone cleaning up.
 */
package io.redline.chat.presence;
