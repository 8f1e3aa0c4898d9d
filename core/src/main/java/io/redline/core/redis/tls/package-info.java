/** TLS to Redis ({@code rediss://}): which CA to trust, whether host names are checked, and a client certificate. */
package io.redline.core.redis.tls;
