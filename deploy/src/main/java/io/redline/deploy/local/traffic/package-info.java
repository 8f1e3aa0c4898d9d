/**
 * Demo traffic that makes every part of a local platform move: shoppers browsing through the gateways (as
 * several clients, by {@code X-Forwarded-For}), chat bots in two rooms across the chat-nodes, and orders that are
 * created, paid and shipped on the event stream.
 */
package io.redline.deploy.local.traffic;
