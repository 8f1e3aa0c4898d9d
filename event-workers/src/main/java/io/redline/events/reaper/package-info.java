/**
 * Housekeeping that every worker process runs on a jittered interval, safely in several processes at once:
 * the autoclaim reaper (idle entries of dead members, delivery counts, dead letters), consumer clean-up, and
 * retention that never trims a pending entry.
 */
package io.redline.events.reaper;
