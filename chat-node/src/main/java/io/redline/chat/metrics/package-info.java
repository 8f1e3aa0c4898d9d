/** The chat node's metric families as constants, and the one adapter that turns events into their series. */
package io.redline.chat.metrics;
