package io.redline.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedisUrlTest {

    @Test
    void aPlainUrlHasHostPortAndDatabaseZero() {
        RedisUrl url = RedisUrl.parse("redis://cache.internal:6380", 6379);
        assertEquals(List.of(new RedisEndpoint(false, "cache.internal", 6380)), url.endpoints());
        assertNull(url.username());
        assertNull(url.password());
        assertEquals(0, url.database());
    }

    @Test
    void userPasswordAndDatabaseAreRead() {
        RedisUrl url = RedisUrl.parse("redis://app:p%40ss+word@10.0.0.5:6379/3", 6379);
        assertEquals("app", url.username());
        assertEquals("p@ss+word", url.password());
        assertEquals(3, url.database());
    }

    @Test
    void aPasswordWithoutUserIsThePasswordOnly() {
        RedisUrl url = RedisUrl.parse("redis://:secret@host", 6379);
        assertNull(url.username());
        assertEquals("secret", url.password());
        assertEquals(6379, url.endpoints().get(0).port());
    }

    @Test
    void redissMeansTls() {
        RedisEndpoint endpoint = RedisUrl.parse("rediss://secure.example:6390", 6379).endpoints().get(0);
        assertTrue(endpoint.tls());
        assertEquals("rediss://secure.example:6390", endpoint.address());
    }

    @Test
    void ipv6AddressesKeepTheirBrackets() {
        RedisEndpoint endpoint = RedisUrl.parse("redis://[::1]:7000", 6379).endpoints().get(0);
        assertEquals("::1", endpoint.host());
        assertEquals("redis://[::1]:7000", endpoint.address());
    }

    @Test
    void aSeedListMayOmitTheSchemeAfterTheFirstAddress() {
        RedisUrl url = RedisUrl.parse("rediss://:pw@a:7000, b:7001,rediss://c:7002", 6379);
        assertEquals(List.of(new RedisEndpoint(true, "a", 7000), new RedisEndpoint(true, "b", 7001),
                new RedisEndpoint(true, "c", 7002)), url.endpoints());
        assertEquals("pw", url.password());
    }

    @Test
    void seedsWithDifferentCredentialsAreRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> RedisUrl.parse("redis://:one@a:1,redis://:two@b:2", 6379));
        assertEquals("all addresses must share one user, password and database", error.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://host:6379|(the scheme must be redis or rediss)",
        "host:6379|(the scheme must be redis or rediss)",
        "redis://|(the host is missing)",
        "redis://host:0|(the port must be a number from 1 to 65535, but was \"0\")",
        "redis://host:70000|(the port must be a number from 1 to 65535, but was \"70000\")",
        "redis://host/x|(the database must be a number like /0, but was \"/x\")",
        "redis://host/1/2|(the database must be a number like /0, but was \"/1/2\")",
        "redis://host?timeout=1|(query parameters are not supported)",
        "redis://[::1|(not a valid URL)",
        "redis://a:1,,redis://b:2|with no empty entry",
        "redis://u:%zz@host|(not a valid URL)",
    })
    void badUrlsAreRefusedWithWhatIsWrong(String text, String reason) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> RedisUrl.parse(text, 6379));
        assertTrue(error.getMessage().endsWith(reason), error.getMessage());
    }

    @Test
    void toStringAndMaskNeverShowThePassword() {
        RedisUrl url = RedisUrl.parse("redis://app:topsecret@host:6379/2", 6379);
        assertEquals("redis://app:***@host:6379/2", url.toString());
        assertEquals("redis://app:***@host:6379/2,redis://:***@b:1",
                RedisUrl.mask("redis://app:topsecret@host:6379/2,redis://:x@y@b:1"));
        assertFalse(RedisUrl.mask("rediss://:topsecret@host").contains("topsecret"));
    }
}
