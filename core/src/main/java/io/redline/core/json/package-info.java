/**
 * The codec policy: everything that crosses a process boundary is plain JSON or plain strings. One shared
 * Jackson {@link com.fasterxml.jackson.databind.ObjectMapper} ({@link io.redline.core.json.Json}) writes and reads
 * JSON as text, and the Redisson codec ({@link io.redline.core.json.RedisCodecs}) stores that text as it is;
 * never Kryo, never class-tagged JSON.
 */
package io.redline.core.json;
