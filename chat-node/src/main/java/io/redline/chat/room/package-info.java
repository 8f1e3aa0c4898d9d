/**
 * Cross-node fan-out: one Redis subscription per room per node, held while at least one local client is in the
 * room, and one listener per subscription that hands each message to the room's local members.
 */
package io.redline.chat.room;
