/**
 * One WebSocket connection: frame handling, joins without gaps or duplicates (subscribe, buffer, read history,
 * merge by id), and a bounded outbound queue that drops a client too slow to keep up instead of slowing others.
 */
package io.redline.chat.session;
