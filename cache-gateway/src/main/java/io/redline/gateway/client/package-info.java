/** Who the client is: its address, or the first untrusted address of X-Forwarded-For behind trusted proxies. */
package io.redline.gateway.client;
