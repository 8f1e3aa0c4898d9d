package io.redline.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The packages of the chat node, read from the imports of its sources, form no dependency cycle. */
class ChatPackagesTest {

    private static final Path SOURCES = Path.of("src/main/java/io/redline/chat");
    private static final Pattern IMPORT = Pattern.compile(
            "^import (?:static )?io\\.redline\\.chat\\.([a-z.]*?)\\.?[A-Z]", Pattern.MULTILINE);

    /** Was: message and protocol imported each other, and ChatMain → ChatBench → ChatNode (root) made a loop. */
    @Test
    void theChatPackagesDependOnEachOtherWithoutACycle() throws IOException {
        Map<String, Set<String>> uses = uses();
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            findCycle(start, start, uses, new ArrayList<>(List.of(start)), cycles);
        }
        assertEquals(List.of(), cycles, "package dependencies: " + uses);
    }

    private static void findCycle(String start, String at, Map<String, Set<String>> uses, List<String> path,
                                  List<String> cycles) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                cycles.add(String.join(" -> ", path) + " -> " + start);
            } else if (!path.contains(next) && next.compareTo(start) > 0) {
                // each cycle is reported once, from its smallest package
                path.add(next);
                findCycle(start, next, uses, path, cycles);
                path.remove(path.size() - 1);
            }
        }
    }

    /** Package (relative to io.redline.chat, the root as "(root)") to the packages it imports from. */
    private static Map<String, Set<String>> uses() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String from = name(SOURCES.relativize(file.getParent()).toString().replace('/', '.'));
                Matcher imported = IMPORT.matcher(Files.readString(file));
                while (imported.find()) {
                    String to = name(imported.group(1));
                    if (!to.equals(from)) {
                        uses.computeIfAbsent(from, ignored -> new TreeSet<>()).add(to);
                    }
                }
            }
        }
        if (uses.isEmpty()) {
            throw new IllegalStateException("no imports found under " + SOURCES.toAbsolutePath());
        }
        return uses;
    }

    private static String name(String relative) {
        return relative.isEmpty() ? "(root)" : relative;
    }
}
