package io.redline.deploy.k8s;

import io.redline.testkit.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the process jars say about themselves. The deploy module never links against a process module, so it asks
 * the jars as a user would: {@code java -jar redline-MODULE.jar ARGS --help} shows the usage of ARGS only for a
 * real command, and lists under "Environment variables read" every variable that command reads (taken from the
 * code that reads them, see io.redline.core.cli.CommandLines).
 */
public final class ProcessJars {

    static final Set<String> MODULES = Set.of("cache-gateway", "chat-node", "event-workers", "stats-job");
    private static final String HEADING = "Environment variables read";
    private static final Map<List<String>, Optional<List<String>>> CACHE = new ConcurrentHashMap<>();

    private ProcessJars() {
    }

    /** {@code MODULE/target/redline-MODULE.jar}, built before this module in the reactor. */
    public static Path jar(String module) {
        Path jar = Path.of("..", module, "target", "redline-" + module + ".jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " is missing: build the process modules first (./mvnw -o package)");
        }
        return jar;
    }

    /**
     * The variables that {@code MODULE ARGS} reads, or empty when {@code ARGS} is not a command of that jar (its
     * {@code --help} fails).
     */
    public static Optional<List<String>> variablesRead(String module, List<String> args) {
        List<String> key = new ArrayList<>(List.of(module));
        key.addAll(args);
        return CACHE.computeIfAbsent(key, k -> askHelp(module, args));
    }

    private static Optional<List<String>> askHelp(String module, List<String> args) {
        List<String> withHelp = new ArrayList<>(args);
        withHelp.add("--help");
        try (ChildJvm jvm = ChildJvm.startJar(jar(module), Map.of(), withHelp.toArray(new String[0]))) {
            if (jvm.waitFor(Duration.ofSeconds(60)) != 0) {
                return Optional.empty();
            }
            String help = jvm.stdout();
            // picocli answers --help even after an unknown word, with the usage of the last command it matched:
            // the usage line says which command that was
            List<String> words = args.stream().takeWhile(a -> !a.startsWith("-")).toList();
            String usage = "Usage: redline-" + module + (words.isEmpty() ? "" : " " + String.join(" ", words)) + " ";
            if (!help.startsWith(usage)) {
                return Optional.empty();
            }
            int heading = help.indexOf(HEADING);
            if (heading < 0) {
                return Optional.of(List.of());
            }
            String list = help.substring(help.indexOf('\n', heading) + 1);
            return Optional.of(Arrays.stream(list.split("[,\\s]+")).filter(s -> !s.isBlank()).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
