/** Rebuilding projections and aggregates from the stream into fresh keys, then switching to them. */
package io.redline.events.replay;
