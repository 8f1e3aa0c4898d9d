package io.redline.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** {@code kubectl kustomize DIR}: the manifests exactly as {@code kubectl apply -k DIR} would send them. */
final class Kustomize {

    /** deploy/k8s, from the deploy module's folder (where Maven runs its tests). */
    static final Path K8S = Path.of("k8s").toAbsolutePath();

    private Kustomize() {
    }

    /** The kubectl to use, if this machine has one (.ci/run installs Debian's package kubectl). */
    static Optional<Path> kubectl() {
        String path = System.getenv("PATH");
        for (String folder : (path == null ? "/usr/bin:/bin" : path).split(":")) {
            Path candidate = Path.of(folder, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static String render(Path kubectl, Path dir) {
        try {
            Path err = Files.createTempFile("kustomize-", ".err");
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                    .redirectError(err.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " still running after 60 s");
            }
            String stderr = Files.readString(err);
            Files.delete(err);
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "):\n"
                        + stderr);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A kustomization in {@code target/} that adds every optional component to the dev overlay, so that the
     * components are rendered and checked too (kustomize refuses absolute paths, hence the relative ones).
     */
    static Path devWithEveryComponent() {
        try {
            Path dir = Path.of("target", "k8s-dev-with-components").toAbsolutePath();
            Files.createDirectories(dir);
            StringBuilder components = new StringBuilder();
            try (var listing = Files.list(K8S.resolve("components"))) {
                listing.sorted().forEach(component -> components.append("  - ../../k8s/components/")
                        .append(component.getFileName()).append('\n'));
            }
            Files.writeString(dir.resolve("kustomization.yaml"), "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                    + "kind: Kustomization\nresources:\n  - ../../k8s/overlays/dev\ncomponents:\n" + components);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
