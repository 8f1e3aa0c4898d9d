package io.redline.deploy.local.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts a command in a session of its own ({@code setsid}, which execs in place, so the PID is the command's):
 * a Ctrl-C on the terminal then reaches the runner alone, and the runner stops the children before the Redis
 * they use. Output, both streams, is appended to the given file.
 */
public final class Launcher {

    private static final Optional<Path> SETSID = find("/usr/bin/setsid", "/bin/setsid");

    private Launcher() {
    }

    public static Process start(ProcessSpec spec) throws IOException {
        List<String> command = new ArrayList<>();
        SETSID.ifPresent(setsid -> command.add(setsid.toString()));
        command.addAll(spec.command());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.log().toFile()));
        builder.environment().clear();
        builder.environment().putAll(spec.environment());
        return builder.start();
    }

    private static Optional<Path> find(String... candidates) {
        for (String candidate : candidates) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }
}
