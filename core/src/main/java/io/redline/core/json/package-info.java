/**
 * The codec policy: everything that crosses a process boundary is plain JSON or plain strings. One shared
 * Jackson {@link com.fasterxml.jackson.databind.ObjectMapper} ({@link io.redline.core.json.Json}) and the Redisson
 * codecs that go with it ({@link io.redline.core.json.RedisCodecs}); never Kryo, never class-tagged JSON.
 */
package io.redline.core.json;
