package io.redline.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.redline.core.process.CommonConfig;
import io.redline.core.redis.RedisUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code REDIS_USERNAME}, {@code REDIS_PASSWORD} and {@code REDIS_PASSWORD_FILE}: credentials apart from the URL. */
class RedisCredentialsTest {

    @TempDir
    Path dir;

    @Test
    void aPasswordFromAMountedSecretFileIsUsedWithoutItsTrailingLineBreak() throws IOException {
        Path secret = Files.writeString(dir.resolve("redis-password"), "p/@:ss#1\n");
        RedisUrl url = read(Map.of("REDIS_URL", "redis://redis:6379", "REDIS_USERNAME", "workers",
                "REDIS_PASSWORD_FILE", secret.toString())).redis().url();
        assertEquals("workers", url.username());
        assertEquals("p/@:ss#1", url.password());
        assertEquals("redis://workers:***@redis:6379/0", url.toString());
    }

    @Test
    void aPasswordGivenBothWaysIsRefusedWithoutEchoingIt() throws IOException {
        Path secret = Files.writeString(dir.resolve("redis-password"), "12345");
        List<String> errors = errors(Map.of("REDIS_PASSWORD", "12345", "REDIS_PASSWORD_FILE", secret.toString()));
        assertEquals(List.of("REDIS_PASSWORD_FILE=\"" + secret + "\" is invalid: set REDIS_PASSWORD or"
                + " REDIS_PASSWORD_FILE, not both"), errors);
    }

    @Test
    void credentialsInTheUrlAndApartAreRefusedWithoutEchoingEither() {
        List<String> errors = errors(Map.of("REDIS_URL", "redis://app:s3cret@host:6379", "REDIS_PASSWORD",
                "0ther"));
        assertEquals(List.of("REDIS_PASSWORD=\"***\" is invalid: give the credentials in REDIS_URL or in"
                + " REDIS_USERNAME and REDIS_PASSWORD, not both"), errors);
        assertFalse(errors.get(0).contains("s3cret") || errors.get(0).contains("0ther"));
    }

    @Test
    void aSecretFileThatCannotBeReadIsNamedAndNothingElseIsSaid() {
        String missing = dir.resolve("nowhere").toString();
        assertEquals(List.of("REDIS_PASSWORD_FILE=\"" + missing + "\" is invalid: must name a readable file"
                + " (NoSuchFileException)"), errors(Map.of("REDIS_PASSWORD_FILE", missing)));
    }

    @Test
    void anEmptySecretFileIsRefused() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertEquals(List.of("REDIS_PASSWORD_FILE=\"" + empty + "\" is invalid: the file is empty"),
                errors(Map.of("REDIS_PASSWORD_FILE", empty.toString())));
    }

    private static CommonConfig read(Map<String, String> env) {
        return CommonConfigs.read(env);
    }

    private static List<String> errors(Map<String, String> env) {
        return CommonConfigs.errors(env);
    }
}
