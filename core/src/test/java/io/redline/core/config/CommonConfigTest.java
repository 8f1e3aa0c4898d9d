package io.redline.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.redline.core.keys.KeyNamespace;
import io.redline.core.logging.LogFormat;
import io.redline.core.process.CommonConfig;
import io.redline.core.redis.RedisMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CommonConfigTest {

    @Test
    void logLevelsAreCheckedWithTheOtherVariables() {
        assertEquals(List.of("LOG_LEVEL=\"loud\" is invalid: must be one of trace, debug, info, warn, error, off",
                        "LOG_LEVELS=\"io.redline=debug,org.redisson\" is invalid: must be logger=level pairs "
                                + "separated by commas, e.g. io.redline.events=debug,org.redisson=warn; "
                                + "\"org.redisson\" is not one"),
                errors(Map.of("LOG_LEVEL", "loud", "LOG_LEVELS", "io.redline=debug,org.redisson")));
    }

    @Test
    void defaultsApplyWhenNothingIsSet() {
        CommonConfig config = read(Map.of());
        assertEquals(RedisMode.SINGLE, config.redis().mode());
        assertEquals("redis://127.0.0.1:6379/0", config.redis().url().toString());
        assertEquals(KeyNamespace.NONE, config.namespace());
        assertEquals(8081, config.adminPort());
        assertEquals(LogFormat.TEXT, config.logFormat());
        assertEquals(Duration.ofSeconds(20), config.shutdownGrace());
    }

    @Test
    void blankValuesMeanTheDefault() {
        assertEquals(8081, read(Map.of("ADMIN_PORT", "  ")).adminPort());
    }

    @Test
    void everyCommonVariableWithABadValueGetsItsOwnMessage() {
        assertEquals(List.of("REDIS_URL=\"http://x:1\" is invalid: must be redis://[user:password@]host:port[/db]"
                        + " or rediss://... for TLS (the scheme must be redis or rediss)"),
                errors(Map.of("REDIS_URL", "http://x:1")));
        assertEquals(List.of("REDIS_MODE=\"clustre\" is invalid: must be one of single, cluster, sentinel"),
                errors(Map.of("REDIS_MODE", "clustre")));
        assertEquals(List.of("REDIS_SENTINEL_MASTER is not set: required when REDIS_MODE=sentinel: the name of the"
                        + " master"),
                errors(Map.of("REDIS_MODE", "sentinel")));
        assertEquals(List.of("REDLINE_NAMESPACE=\"a{b}\" is invalid: must be 1 to 32 characters of A-Z, a-z, 0-9,"
                        + " _, - and . (or empty for none)"),
                errors(Map.of("REDLINE_NAMESPACE", "a{b}")));
        assertEquals(List.of("ADMIN_PORT=\"99999\" is invalid: must be a whole number from 0 to 65535"),
                errors(Map.of("ADMIN_PORT", "99999")));
        assertEquals(List.of("LOG_FORMAT=\"xml\" is invalid: must be one of text, json"),
                errors(Map.of("LOG_FORMAT", "xml")));
        assertEquals(List.of("SHUTDOWN_GRACE=\"20\" is invalid: must be a duration such as 250ms, 60s, 5m, 1h or 7d"),
                errors(Map.of("SHUTDOWN_GRACE", "20")));
        assertEquals(List.of("SHUTDOWN_GRACE=\"500ms\" is invalid: must be at least 1s"),
                errors(Map.of("SHUTDOWN_GRACE", "500ms")));
    }

    @Test
    void severalBadValuesAreAllReportedAtOnce() {
        List<String> errors = errors(Map.of("ADMIN_PORT", "abc", "LOG_FORMAT", "xml", "SHUTDOWN_GRACE", "soon",
                "REDIS_MODE", "nope"));
        assertEquals(4, errors.size(), errors.toString());
        assertEquals(List.of("ADMIN_PORT", "LOG_FORMAT", "REDIS_MODE", "SHUTDOWN_GRACE"),
                errors.stream().map(line -> line.substring(0, line.indexOf('='))).sorted()
                        .collect(Collectors.toList()));
    }

    @Test
    void aBadUrlNeverShowsItsPassword() {
        List<String> errors = errors(Map.of("REDIS_URL", "redis://app:s3cret@host:notaport"));
        assertEquals(List.of("REDIS_URL=\"redis://app:***@host:notaport\" is invalid: must be"
                + " redis://[user:password@]host:port[/db] or rediss://... for TLS (the port must be a number from 1"
                + " to 65535)"), errors);
        assertFalse(errors.get(0).contains("s3cret"));
    }

    @Test
    void singleModeRefusesASeedList() {
        assertEquals(List.of("REDIS_URL=\"redis://a:1,redis://b:2\" is invalid: REDIS_MODE=single takes exactly one"
                        + " address; set REDIS_MODE=cluster or sentinel for a list"),
                errors(Map.of("REDIS_URL", "redis://a:1,redis://b:2")));
    }

    @Test
    void clusterModeRefusesADatabaseOtherThanZero() {
        assertEquals(List.of("REDIS_URL=\"redis://a:7000/3\" is invalid: Redis Cluster has only database 0: drop the"
                        + " /3"),
                errors(Map.of("REDIS_MODE", "cluster", "REDIS_URL", "redis://a:7000/3")));
    }

    @Test
    void sentinelAddressesDefaultToPort26379() {
        CommonConfig config = read(Map.of("REDIS_MODE", "sentinel", "REDIS_URL", "redis://s1,redis://s2:26380",
                "REDIS_SENTINEL_MASTER", "mymaster"));
        assertEquals("mymaster", config.redis().sentinelMaster());
        assertEquals(26_379, config.redis().url().endpoints().get(0).port());
        assertEquals(26_380, config.redis().url().endpoints().get(1).port());
    }

    @Test
    void controlCharactersInAValueAreEscapedSoTheErrorStaysOneLine() {
        List<String> errors = errors(Map.of("LOG_FORMAT", "te\nxt"));
        assertEquals(List.of("LOG_FORMAT=\"te\\u000axt\" is invalid: must be one of text, json"), errors);
    }

    /**
     * Found with issue 10 item 17: with ADMIN_PORT and HTTP_PORT equal, the second server failed to bind and no
     * one line could name the variable, since both held that port.
     */
    @Test
    void twoVariablesWithTheSamePortAreRefusedBlamingTheOneThatIsSet() {
        assertEquals(List.of("HTTP_PORT=\"7001\" is invalid: must differ from ADMIN_PORT, which is 7001 too"),
                portErrors(Map.of("ADMIN_PORT", "7001", "HTTP_PORT", "7001")));
        assertEquals(List.of("HTTP_PORT=\"8081\" is invalid: must differ from ADMIN_PORT, which is 8081 by default"),
                portErrors(Map.of("HTTP_PORT", "8081")));
        assertEquals(List.of("ADMIN_PORT=\"8080\" is invalid: must differ from HTTP_PORT, which is 8080 by default"),
                portErrors(Map.of("ADMIN_PORT", "8080")));
    }

    @Test
    void portZeroMayRepeatAndABadPortIsNotAlsoReportedAsTaken() {
        ConfigReader reader = new ConfigReader(Env.of(Map.of("ADMIN_PORT", "0", "OTHER_PORT", "0")));
        CommonConfig.read(reader);
        reader.portOrAny("OTHER_PORT", 8081);
        assertFalse(reader.hasErrors());
        assertEquals(List.of("ADMIN_PORT=\"x\" is invalid: must be a whole number from 0 to 65535"),
                portErrors(Map.of("ADMIN_PORT", "x", "HTTP_PORT", "8081")));
    }

    @Test
    void thePortVariableOfAPortIsKnown() {
        ConfigReader reader = new ConfigReader(Env.of(Map.of("ADMIN_PORT", "7002", "HTTP_PORT", "7003")));
        CommonConfig.read(reader);
        reader.port("HTTP_PORT", 8080);
        assertEquals(Optional.of("ADMIN_PORT"), reader.portVariable(7002));
        assertEquals(Optional.of("HTTP_PORT"), reader.portVariable(7003));
        assertEquals(Optional.empty(), reader.portVariable(7004));
    }

    private static List<String> portErrors(Map<String, String> env) {
        ConfigReader reader = new ConfigReader(Env.of(env));
        CommonConfig.read(reader);
        reader.port("HTTP_PORT", 8080);
        ConfigException error = assertThrows(ConfigException.class, reader::throwIfInvalid);
        return error.errors().stream().map(ConfigError::line).collect(Collectors.toList());
    }

    private static CommonConfig read(Map<String, String> env) {
        return CommonConfigs.read(env);
    }

    private static List<String> errors(Map<String, String> env) {
        return CommonConfigs.errors(env);
    }
}
