/**
 * Chat messages: the wire format of the contract (docs/contract.md), their ids, their publishing (published,
 * pushed, trimmed and expired in one atomic round trip) and the room history it keeps.
 */
package io.redline.chat.message;
