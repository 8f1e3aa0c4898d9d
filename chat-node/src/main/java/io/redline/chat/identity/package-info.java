/**
 * Who a client is: signed connection tokens ({@code CHAT_TOKEN_SECRET}) instead of a {@code ?user=} taken on trust,
 * and the page origins allowed to open a socket ({@code CHAT_ALLOWED_ORIGINS}).
 */
package io.redline.chat.identity;
