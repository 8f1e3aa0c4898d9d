package io.redline.deploy.local;

import io.redline.core.config.ConfigException;
import io.redline.core.config.ConfigReader;
import io.redline.core.config.Env;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.redis.RedisSettings;
import io.redline.deploy.local.ports.PortLayout;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code redline up} was asked to do, validated.
 *
 * @param traffic drive demo traffic
 * @param data Redis's data folder with AOF on, or {@code null} for a temporary one
 * @param portBase the first of the fixed ports, or {@code null} for free ones
 * @param externalRedis the Redis given by {@code REDIS_URL}/{@code --redis-url}, or {@code null} to start one
 * @param externalRedisUrl that Redis's URL as given, password included, for the children; or {@code null}
 * @param logs the folder of the log files and {@code platform.json}
 * @param jars where the process jars are, or {@code null} for the build's own folders
 * @param jvmOptions the children's JVM options
 */
public record UpSettings(boolean traffic, Path data, int gateways, int chatNodes, int workers, Integer portBase,
                         RedisSettings externalRedis, String externalRedisUrl, KeyNamespace namespace, boolean restart, Path logs, Path jars,
                         List<String> jvmOptions) {

    public static final int MAX_PER_KIND = 8;
    /** Heap and JIT sized for many small JVMs on a laptop; REDLINE_JVM_OPTS replaces them. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError");
    private static final int LOWEST_PORT_BASE = 1024;

    public UpSettings {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** The settings, or every error found, each a line that names the option or variable. */
    public record Parsed(UpSettings settings, List<String> errors) {
    }

    static Parsed parse(UpCommand command, Map<String, String> environment) {
        List<String> errors = new ArrayList<>();
        count("--gateways", command.gateways, errors);
        count("--chat-nodes", command.chatNodes, errors);
        count("--workers", command.workers, errors);
        if (command.portBase != null) {
            int highest = 65_535 - PortLayout.size(MAX_PER_KIND, MAX_PER_KIND, MAX_PER_KIND);
            if (command.portBase < LOWEST_PORT_BASE || command.portBase > highest) {
                errors.add("--port-base must be from " + LOWEST_PORT_BASE + " to " + highest + ", but was "
                        + command.portBase);
            }
        }
        ConfigReader reader = new ConfigReader(Env.of(redisVariables(command.redisUrl, environment)));
        RedisSettings external = reader.optional("REDIS_URL").isPresent() ? RedisSettings.read(reader) : null;
        KeyNamespace namespace = reader.parsed("REDLINE_NAMESPACE", KeyNamespace.NONE, KeyNamespace::new);
        try {
            reader.throwIfInvalid();
        } catch (ConfigException e) {
            e.errors().forEach(error -> errors.add(error.line()));
        }
        if (external != null && command.data != null) {
            errors.add("--data keeps the data of a Redis that the runner starts, but REDIS_URL or --redis-url names"
                    + " one already running; drop one of them");
        }
        if (command.data != null) {
            writableFolder("--data", command.data).ifPresent(errors::add);
        }
        Path logs = command.logs;
        if (logs != null) {
            writableFolder("--logs", logs).ifPresent(errors::add);
        } else {
            logs = temporaryFolder(errors);
        }
        if (!errors.isEmpty()) {
            return new Parsed(null, errors);
        }
        return new Parsed(new UpSettings(!command.noTraffic, command.data, command.gateways, command.chatNodes,
                command.workers, command.portBase, external, external == null ? null : reader.optional("REDIS_URL").get(),
                namespace, command.restart, logs, command.jars,
                jvmOptions(environment.get("REDLINE_JVM_OPTS"))), List.of());
    }

    private static void count(String option, int value, List<String> errors) {
        if (value < 1 || value > MAX_PER_KIND) {
            errors.add(option + " must be from 1 to " + MAX_PER_KIND + ", but was " + value);
        }
    }

    private static Map<String, String> redisVariables(String urlOption, Map<String, String> environment) {
        Map<String, String> variables = new HashMap<>();
        for (String name : List.of("REDIS_URL", "REDIS_MODE", "REDIS_SENTINEL_MASTER", "REDLINE_NAMESPACE")) {
            String value = environment.get(name);
            if (value != null) {
                variables.put(name, value);
            }
        }
        if (urlOption != null) {
            variables.put("REDIS_URL", urlOption);
        }
        return variables;
    }

    /** Creates the folder if needed and proves it writable by writing into it (root ignores permission bits). */
    private static Optional<String> writableFolder(String option, Path folder) {
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".redline-probe-", "");
            Files.delete(probe);
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of(option + " " + folder + " is not a writable folder: " + reason(e));
        }
    }

    private static String reason(Exception e) {
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "it cannot be created there";
        }
        if (e instanceof FileSystemException failure && failure.getReason() != null) {
            return failure.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    private static Path temporaryFolder(List<String> errors) {
        try {
            return Files.createTempDirectory("redline-up-");
        } catch (IOException e) {
            errors.add("cannot create a temporary folder for the logs: " + e.getMessage());
            return null;
        }
    }

    private static List<String> jvmOptions(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_JVM_OPTIONS;
        }
        return Arrays.stream(text.trim().split("\\s+")).toList();
    }
}
