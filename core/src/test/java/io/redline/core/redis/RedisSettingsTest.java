package io.redline.core.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The constructor refuses with the same rules, and the same words, that reading the variables reports. */
class RedisSettingsTest {

    @Test
    void singleModeWithASeedListIsRefusedNamingTheVariableToChange() {
        RedisUrl seeds = RedisUrl.parse("redis://a:1,redis://b:2", 6379);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new RedisSettings(RedisMode.SINGLE, seeds, null));
        assertEquals("REDIS_URL: REDIS_MODE=single takes exactly one address; set REDIS_MODE=cluster or sentinel"
                + " for a list", error.getMessage());
    }

    @Test
    void clusterModeWithADatabaseOtherThanZeroIsRefused() {
        RedisUrl database3 = RedisUrl.parse("redis://a:7000/3", 6379);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new RedisSettings(RedisMode.CLUSTER, database3, null));
        assertEquals("REDIS_URL: Redis Cluster has only database 0: drop the /3", error.getMessage());
    }

    @Test
    void sentinelModeWithoutAMasterNameIsRefusedEvenWhenTheNameIsBlank() {
        RedisUrl sentinels = RedisUrl.parse("redis://s1,redis://s2", 26_379);
        for (String master : new String[] {null, " "}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> new RedisSettings(RedisMode.SENTINEL, sentinels, master));
            assertEquals("REDIS_SENTINEL_MASTER: required when REDIS_MODE=sentinel: the name of the master",
                    error.getMessage());
        }
    }

    @Test
    void aModeAndAUrlAreRequired() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new RedisSettings(null, null, null));
        assertEquals("mode and url are required, but were null and null", error.getMessage());
    }

    @Test
    void settingsThatKeepTheRulesAreBuilt() {
        assertEquals(2, new RedisSettings(RedisMode.CLUSTER, RedisUrl.parse("redis://a:7000,redis://b:7001", 6379),
                null).url().endpoints().size());
        assertEquals("mymaster", new RedisSettings(RedisMode.SENTINEL, RedisUrl.parse("redis://s1", 26_379),
                "mymaster").sentinelMaster());
        assertEquals(2, RedisSettings.single("redis://h:6379/2").url().database());
    }
}
