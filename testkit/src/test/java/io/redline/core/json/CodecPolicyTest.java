package io.redline.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testkit.RawRedis;
import io.redline.testkit.RedisExtension;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RBucket;

/**
 * Whatever Redline stores is plain JSON or plain strings that a Node.js or redis-cli reader understands; the one
 * exception, a cache entry's raw body after its JSON head, is covered by {@code EnvelopeTest}.
 */
class CodecPolicyTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    record Item(String sku, int qty, double price) {
    }

    @Test
    void jsonWrittenWithTheSharedMapperIsStoredAsPlainJsonWithoutClassTags() throws Exception {
        String key = REDIS.keys().key("item");
        RBucket<String> bucket = REDIS.client().getBucket(key, RedisCodecs.STRING);
        bucket.set(Json.write(new Item("sku-1", 2, 9.5)));

        assertEquals(Json.mapper().readTree("{\"sku\":\"sku-1\",\"qty\":2,\"price\":9.5}"),
                Json.mapper().readTree(rawGet(key)));
        assertEquals(new Item("sku-1", 2, 9.5), Json.read(bucket.get(), Item.class));
    }

    @Test
    void jsonWrittenByAnotherLanguageIsReadEvenWithExtraFields() throws Exception {
        String key = REDIS.keys().key("from-node");
        try (RawRedis raw = raw()) {
            raw.call("SET", key, "{\"sku\":\"s\",\"qty\":1,\"price\":3,\"addedBy\":\"ioredis\"}");
        }
        assertEquals(new Item("s", 1, 3.0),
                Json.read(REDIS.client().<String>getBucket(key, RedisCodecs.STRING).get(), Item.class));
    }

    @Test
    void theDefaultCodecOfRedlineClientsIsPlainStrings() throws Exception {
        String key = REDIS.keys().key("default-codec");
        REDIS.client().getMap(key).put("field", "value");
        try (RawRedis raw = raw()) {
            assertEquals("value", raw.call("HGET", key, "field"));
        }
    }

    @Test
    void invalidJsonIsAClearError() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Json.read("{\"sku\": ", Item.class));
        assertTrue(error.getMessage().startsWith("not a valid Item JSON: Unexpected end-of-input"), error.getMessage());
    }

    private static String rawGet(String key) throws Exception {
        try (RawRedis raw = raw()) {
            return (String) raw.call("GET", key);
        }
    }

    private static RawRedis raw() throws Exception {
        URI uri = URI.create(REDIS.redis().url());
        return new RawRedis(uri.getHost(), uri.getPort());
    }
}
