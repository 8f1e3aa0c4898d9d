/** The dead-letter stream: moving refused entries there exactly once, and writing them back to the stream. */
package io.redline.events.deadletter;
