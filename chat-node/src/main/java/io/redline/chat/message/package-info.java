/**
 * Chat messages: the wire format of the contract (docs/contract.md), the rules for rooms, users and content, ids, and the room
 * history (pushed, trimmed, expired and published in one atomic round trip).
 */
package io.redline.chat.message;
