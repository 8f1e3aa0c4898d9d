package io.redline.core.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.redline.core.process.CommonConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The common variables read from a map, for the tests of what they accept and refuse. */
public final class CommonConfigs {

    private CommonConfigs() {
    }

    public static CommonConfig read(Map<String, String> env) {
        ConfigReader reader = new ConfigReader(Env.of(env));
        CommonConfig config = CommonConfig.read(reader);
        reader.throwIfInvalid();
        return config;
    }

    /** The lines printed for the refused variables; fails when nothing is refused. */
    public static List<String> errors(Map<String, String> env) {
        ConfigException error = assertThrows(ConfigException.class, () -> read(env));
        return error.errors().stream().map(ConfigError::line).collect(Collectors.toList());
    }
}
