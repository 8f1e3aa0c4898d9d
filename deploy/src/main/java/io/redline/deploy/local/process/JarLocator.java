package io.redline.deploy.local.process;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds {@code redline-MODULE.jar}: in {@code --jars DIR} if given; else beside the runner's own jar (a folder of
 * jars), or in the build's {@code MODULE/target} folders next to {@code deploy/target}.
 */
public final class JarLocator {

    private final List<Path> folders;

    private JarLocator(List<Path> folders) {
        this.folders = List.copyOf(folders);
    }

    /** @param given {@code --jars}, or {@code null} */
    public static JarLocator of(Path given) {
        if (given != null) {
            return new JarLocator(List.of(given));
        }
        List<Path> folders = new ArrayList<>();
        runnerFolder().ifPresent(folder -> {
            folders.add(folder);
            Path root = folder.getParent() == null ? null : folder.getParent().getParent();
            if (root != null) {
                folders.add(root);
            }
        });
        folders.add(Path.of("").toAbsolutePath());
        return new JarLocator(folders);
    }

    /** The jar of a module, or empty with the places that were searched. */
    public Optional<Path> find(String module) {
        String file = "redline-" + module + ".jar";
        for (Path folder : folders) {
            for (Path candidate : List.of(folder.resolve(file), folder.resolve(module).resolve("target").resolve(file))) {
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate.toAbsolutePath().normalize());
                }
            }
        }
        return Optional.empty();
    }

    public List<Path> searched() {
        return folders;
    }

    private static Optional<Path> runnerFolder() {
        CodeSource source = JarLocator.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Path.of(source.getLocation().toURI()).getParent());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
