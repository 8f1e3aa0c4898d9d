package io.redline.deploy.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ContainerPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container that runs one of Redline's images ({@code [registry/]redline/MODULE[:tag]}, as Jib names them), with
 * the environment it gets once its {@code envFrom} sources are resolved in the rendered overlay.
 */
record RedlineContainer(String owner, String module, Container container, Map<String, Optional<String>> env) {

    private static final Pattern IMAGE = Pattern.compile("(?:^|/)redline/([a-z-]+)(?:[:@].*)?$");

    /** Redline's containers of a pod; other containers (Redis) are not Redline's to check. */
    static List<RedlineContainer> of(Rendered rendered, Rendered.Workload workload) {
        List<RedlineContainer> found = new ArrayList<>();
        for (Container container : workload.pod().getContainers()) {
            moduleOf(container.getImage()).ifPresent(module -> found.add(new RedlineContainer(workload.describe(),
                    module, container, environment(rendered, container))));
        }
        return found;
    }

    static Optional<String> moduleOf(String image) {
        Matcher m = IMAGE.matcher(image == null ? "" : image);
        return m.find() && ProcessJars.MODULES.contains(m.group(1)) ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Names to values; a value from a Secret or a field is present but unknown (empty). */
    private static Map<String, Optional<String>> environment(Rendered rendered, Container container) {
        Map<String, Optional<String>> env = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                rendered.named(io.fabric8.kubernetes.api.model.ConfigMap.class, source.getConfigMapRef().getName())
                        .ifPresent(c -> c.getData().forEach((k, v) -> env.put(k, Optional.of(v))));
            }
            if (source.getSecretRef() != null) {
                rendered.keysOf("Secret", source.getSecretRef().getName())
                        .ifPresent(keys -> keys.forEach(k -> env.put(k, Optional.empty())));
            }
        }
        for (EnvVar var : container.getEnv()) {
            env.put(var.getName(), Optional.ofNullable(var.getValue()));
        }
        return env;
    }

    List<String> args() {
        return container.getArgs() == null ? List.of() : container.getArgs();
    }

    String describe() {
        return owner + " container " + container.getName() + " (redline-" + module
                + (args().isEmpty() ? "" : " " + String.join(" ", args())) + ")";
    }

    /** A variable's value as the process would see it; blank means its default, as in docs/configuration.md. */
    String valueOr(String variable, String defaultValue) {
        return env.getOrDefault(variable, Optional.empty()).filter(v -> !v.isBlank()).map(String::trim)
                .orElse(defaultValue);
    }

    Optional<Integer> portNamed(String name) {
        return container.getPorts().stream().filter(p -> name.equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst();
    }
}
