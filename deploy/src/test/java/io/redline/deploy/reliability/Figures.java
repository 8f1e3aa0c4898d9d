package io.redline.deploy.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reliability run measured, line by line: printed as it goes and kept in
 * {@code target/reliability/<test>.txt}, where RELIABILITY.md's figures are copied from.
 */
final class Figures {

    private final String test;
    private final List<String> lines = new ArrayList<>();

    Figures(String test) {
        this.test = test;
    }

    void add(String what, Duration took) {
        add(what, String.format(java.util.Locale.ROOT, "%.1f s", took.toMillis() / 1000.0));
    }

    synchronized void add(String what, String value) {
        String line = what + ": " + value;
        lines.add(line);
        System.out.println("[" + test + "] " + line);
    }

    synchronized void write() throws IOException {
        Path folder = Path.of("target", "reliability");
        Files.createDirectories(folder);
        try {
            Files.write(folder.resolve(test + ".txt"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
