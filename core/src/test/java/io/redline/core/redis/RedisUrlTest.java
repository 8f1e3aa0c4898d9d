package io.redline.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.core.config.ConfigError;
import io.redline.core.config.ConfigException;
import io.redline.core.config.ConfigReader;
import io.redline.core.config.Env;
import java.util.List;
import java.util.Map;
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
        "redis://u:%zz@host|(a % in the user name or password must start an escape: write % itself as %25)",
    })
    void badUrlsAreRefusedWithWhatIsWrong(String text, String reason) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> RedisUrl.parse(text, 6379));
        assertTrue(error.getMessage().endsWith(reason), error.getMessage());
    }

    @Test
    void toStringAndMaskNeverShowThePassword() {
        RedisUrl url = RedisUrl.parse("redis://app:topsecret@host:6379/2", 6379);
        assertEquals("redis://app:***@host:6379/2", url.toString());
        // a password may hold ',' or '@', so all up to the last '@' is hidden, earlier hosts included
        assertEquals("redis://app:***@b:1", RedisUrl.mask("redis://app:topsecret@host:6379/2,redis://:x@y@b:1"));
        assertEquals("redis://***@host", RedisUrl.mask("redis://onlyapassword@host"));
        assertEquals("redis://a:1,redis://b:2", RedisUrl.mask("redis://a:1,redis://b:2"));
        assertFalse(RedisUrl.mask("rediss://:topsecret@host").contains("topsecret"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "redis://default:abc/def@host:6379|default|abc/def|6379|0",
        "redis://u:12345/x@host:6431|u|12345/x|6431|0",
        "redis://u:12345@host:6431/2|u|12345|6431|2",
        "redis://u:p@ss@host|u|p@ss|6379|0",
        "redis://u:a:b@host|u|a:b|6379|0",
        "redis://u:a#b@host/1|u|a#b|6379|1",
        "redis://u:a?b@host|u|a?b|6379|0",
        "redis://:/?#@:%2C@host:7000/3||/?#@:,|7000|3",
    })
    void passwordsWithReservedCharactersAreTakenWholeRatherThanAsPathQueryOrPort(String text, String user,
            String password, int port, int database) {
        RedisUrl url = RedisUrl.parse(text, 6379);
        assertEquals(user, url.username());
        assertEquals(password, url.password());
        assertEquals(List.of(new RedisEndpoint(false, "host", port)), url.endpoints());
        assertEquals(database, url.database());
    }

    /**
     * Issue 10 item 12: errors quoted pieces of a URL with credentials ({@code but was "abc"}). Each password
     * below is made of two distinctive halves so that a piece of either is caught.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "redis://u:Zq1,Wx2@host:6379|Zq1,Wx2|(the port must be a number from 1 to 65535) (a , in a password must be written %2C)",
        "redis://u:Zq1/Wx2@host:70000|Zq1/Wx2|(the port must be a number from 1 to 65535)",
        "redis://u:9187,4450@host/x|9187,4450|(the database must be a number like /0)",
        "redis://u:Zq1#Wx2@host:6431/x|Zq1#Wx2|(the database must be a number like /0)",
        "redis://u:Zq1?Wx2@host:6379?timeout=1|Zq1?Wx2|(query parameters are not supported)",
        "redis://u:Zq1@Wx2@|Zq1@Wx2|(the host is missing)",
        "redis://u:Zq1:Wx2@host:|Zq1:Wx2|(the port must be a number from 1 to 65535)",
        "redis://u:Zq1%Wx2@host|Zq1%Wx2|(a % in the user name or password must start an escape: write % itself as %25)",
        "redis://:8071,3362@a:1,b:2|8071,3362|(the host is missing) (a , in a password must be written %2C)",
    })
    void configErrorsNeverEchoAnyPartOfAUrlWithCredentials(String text, String password, String reason) {
        ConfigReader reader = new ConfigReader(Env.of(Map.of("REDIS_URL", text, "REDIS_MODE", "cluster")));
        RedisSettings.read(reader);
        ConfigException error = assertThrows(ConfigException.class, reader::throwIfInvalid);
        ConfigError only = error.errors().get(0);
        assertEquals(1, error.errors().size(), error.getMessage());
        assertTrue(only.allowed().endsWith(reason), only.allowed());
        assertFalse(only.allowed().contains("but was"), only.allowed());
        for (String piece : password.split("[^A-Za-z0-9]")) {
            assertFalse(error.getMessage().contains(piece), piece + " leaked in: " + error.getMessage());
        }
    }
}
