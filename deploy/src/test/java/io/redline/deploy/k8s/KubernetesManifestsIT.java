package io.redline.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.redline.testkit.Awaits;
import io.redline.testkit.ChildJvm;
import io.redline.testkit.FreePorts;
import io.redline.testkit.HttpProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every overlay of deploy/k8s, rendered by {@code kubectl kustomize} and parsed by fabric8, checked against the
 * code it deploys: the variables each process reads, its admin port and probes, its commands, event-workers'
 * stream and group. An IT because it asks the process jars, which the reactor builds before this module.
 */
class KubernetesManifestsIT {

    private static final Map<String, Rendered> RENDERED = new ConcurrentHashMap<>();
    private static Path kubectl;

    @BeforeAll
    static void needsKubectl() {
        kubectl = Kustomize.kubectl().orElse(null);
        assumeTrue(kubectl != null, "kubectl is not on PATH, so the Kubernetes manifests are NOT checked;"
                + " install Debian's package kubectl (.ci/run does)");
    }

    static Stream<String> overlays() {
        return Stream.of("dev", "prod", "sentinel", "dev+components");
    }

    static Rendered rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> {
            Path dir = o.equals("dev+components") ? Kustomize.devWithEveryComponent()
                    : Kustomize.K8S.resolve("overlays").resolve(o);
            return Rendered.parse(o, Kustomize.render(kubectl, dir));
        });
    }

    @Test
    void everyOverlayInTheFolderIsChecked() throws IOException {
        try (Stream<Path> listing = Files.list(Kustomize.K8S.resolve("overlays"))) {
            List<String> folders = listing.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(overlays().filter(o -> !o.contains("+")).sorted().toList(), folders);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyObjectIsAKindFabric8KnowsOrAKnownCustomResourceWithNoUnknownField(String overlay) {
        assertNoProblems(overlay, kindsAndFields(rendered(overlay)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everySecretAndConfigMapReferenceResolvesAfterRenamingAndEveryServiceSelectsAPod(String overlay) {
        assertNoProblems(overlay, ReferenceRules.check(rendered(overlay)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyRedlinePodSetsOnlyVariablesItsCommandReadsAndHasProbesPortsDrainAndHardening(String overlay) {
        assertNoProblems(overlay, WorkloadRules.check(rendered(overlay)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theKedaTriggerReadsTheStreamGroupAndRedisThatEventWorkersUse(String overlay) {
        int minWorkers = overlay.startsWith("dev") ? 1 : 2;
        assertNoProblems(overlay, KedaRules.check(rendered(overlay), eventWorkersGroup(), minWorkers));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void thePodMonitorScrapesTheAdminPortOfRedlinePods(String overlay) {
        assertNoProblems(overlay, PodMonitorRules.check(rendered(overlay)));
    }

    @Test
    void theComponentsAreRendered() {
        List<String> kinds = rendered("dev+components").objects().stream().map(HasMetadata::getKind).toList();
        assertTrue(kinds.contains("PodMonitor") && kinds.contains("Ingress"), kinds.toString());
    }

    /**
     * The probes as the kubelet would send them, to the real process started with the Deployment's environment, while
     * Redis is absent: the startup and liveness paths answer 200 (liveness never depends on Redis), readiness 503.
     */
    @Test
    void theProbesOfEveryDeploymentAnswerFromTheRealProcessAndLivenessDoesNotNeedRedis() throws Exception {
        Rendered dev = rendered("dev");
        List<String> checked = new ArrayList<>();
        for (Rendered.Workload workload : dev.workloads()) {
            if (!(workload.owner() instanceof Deployment)) {
                continue;
            }
            for (RedlineContainer c : RedlineContainer.of(dev, workload)) {
                Map<String, String> env = new java.util.TreeMap<>();
                c.env().forEach((name, value) -> value.ifPresent(v -> env.put(name, v)));
                int admin = FreePorts.find();
                env.put("ADMIN_PORT", String.valueOf(admin));
                env.computeIfPresent("HTTP_PORT", (k, v) -> String.valueOf(FreePorts.find()));
                env.put("REDIS_URL", "redis://127.0.0.1:" + FreePorts.find());
                env.put("HOSTNAME", "probe-test");
                env.remove("JAVA_TOOL_OPTIONS");
                Container container = c.container();
                try (ChildJvm process = ChildJvm.startJar(ProcessJars.jar(c.module()), env,
                        c.args().toArray(new String[0]))) {
                    String base = "http://127.0.0.1:" + admin;
                    String startup = base + container.getStartupProbe().getHttpGet().getPath();
                    Awaits.await(Duration.ofSeconds(60)).until(() -> HttpProbe.status(startup) == 200
                            || !process.isAlive());
                    assertEquals(200, HttpProbe.status(startup), c.describe() + ": " + process.stderr());
                    assertEquals(200, HttpProbe.status(base + container.getLivenessProbe().getHttpGet().getPath()),
                            c.describe());
                    var ready = HttpProbe.get(base + container.getReadinessProbe().getHttpGet().getPath());
                    assertEquals(503, ready.statusCode(), c.describe() + ": " + ready.body());
                    assertTrue(ready.body().contains("waiting for Redis"), ready.body());
                    process.terminate();
                    assertEquals(0, process.waitFor(Duration.ofSeconds(30)), c.describe() + ": " + process.stderr());
                }
                checked.add(c.describe());
            }
        }
        assertEquals(4, checked.size(), checked.toString());
    }

    /**
     * The images Jib builds are the ones the manifests run: {@code redline/MODULE:VERSION} (the prod overlay adds
     * a registry), exposing the ports the pods declare, as the user the pods run as, with the JVM flags and a base
     * pinned by digest.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theJibImagesAreTheImagesTheManifestsRunWithTheirPortsAndUser(String overlay) {
        JibConfiguration shared = JibConfiguration.shared();
        List<String> problems = new ArrayList<>();
        if (!shared.base().matches("[a-z0-9./-]+:[\\w.-]+@sha256:[0-9a-f]{64}")) {
            problems.add("Jib's base image " + shared.base() + " is not pinned by digest");
        }
        if (!shared.skippedByDefault()) {
            problems.add("Jib is not skipped by default: every module, core too, would try to build an image");
        }
        for (String flag : List.of("-XX:MaxRAMPercentage=", "-XX:+ExitOnOutOfMemoryError")) {
            if (shared.jvmFlags().stream().noneMatch(f -> f.startsWith(flag))) {
                problems.add("Jib's jvmFlags " + shared.jvmFlags() + " lack " + flag);
            }
        }
        if (!shared.labels().contains("org.opencontainers.image.version")) {
            problems.add("Jib's labels " + shared.labels() + " lack org.opencontainers.image.version");
        }
        for (Rendered.Workload workload : rendered(overlay).workloads()) {
            for (RedlineContainer c : RedlineContainer.of(rendered(overlay), workload)) {
                var jib = JibConfiguration.of(c.module());
                if (jib.isEmpty()) {
                    problems.add(c.module() + "/pom.xml has no profile \"image\" with " + "jib-maven-plugin");
                    continue;
                }
                String expected = jib.get().image().replace("${project.version}", JibConfiguration.projectVersion());
                if (!c.container().getImage().equals(expected) && !c.container().getImage().endsWith("/" + expected)) {
                    problems.add(c.describe() + " runs image " + c.container().getImage() + ", but Jib builds "
                            + expected);
                }
                if (!"false".equals(jib.get().skip())) {
                    problems.add(c.module() + "'s profile image does not turn Jib's skip off");
                }
                List<String> declared = c.container().getPorts().stream()
                        .map(p -> String.valueOf(p.getContainerPort())).sorted().toList();
                if (!declared.isEmpty() && !declared.equals(jib.get().ports().stream().sorted().toList())) {
                    problems.add(c.describe() + " declares ports " + declared + ", but the image exposes "
                            + jib.get().ports());
                }
                var pod = workload.pod().getSecurityContext();
                String user = pod.getRunAsUser() + ":" + pod.getRunAsGroup();
                if (!user.equals(shared.user())) {
                    problems.add(c.describe() + " runs as " + user + ", but the image's user is " + shared.user());
                }
            }
        }
        assertNoProblems(overlay, problems);
    }

    /** Each check can fail: one mistake put into the rendered dev overlay, and the message that must name it. */
    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("name: CLAIM_IDLE", "name: CLAIM_IDEL",
                        "sets CLAIM_IDEL, which that command does not read"),
                Arguments.of("readinessProbe:", "readynessProbe:", "readynessProbe is not a field of Container"),
                Arguments.of("- serve", "- serv", "args [serv] are not a command of redline-stats-job"),
                Arguments.of("path: /health/ready", "path: /ready", "readinessProbe asks /ready, not /health/ready"),
                Arguments.of("terminationGracePeriodSeconds: 35", "terminationGracePeriodSeconds: 25",
                        "terminationGracePeriodSeconds is 25, not above the preStop pause (5 s) plus SHUTDOWN_GRACE"
                                + " (20 s)"),
                Arguments.of("containerPort: 8081", "containerPort: 8082",
                        "container port \"admin\" is 8082, but ADMIN_PORT is 8081"),
                Arguments.of("consumerGroup: order-processors", "consumerGroup: orders",
                        "consumerGroup is \"orders\", but event-workers' consumer group is \"order-processors\""),
                Arguments.of("stream: events:ecommerce", "stream: events",
                        "stream is \"events\", but the stream event-workers reads is \"events:ecommerce\""),
                Arguments.of("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false",
                        "readOnlyRootFilesystem is not true"),
                Arguments.of("concurrencyPolicy: Forbid", "concurrencyPolicy: Allow",
                        "CronJob stats-job-run: concurrencyPolicy is Allow, not Forbid"),
                Arguments.of("fieldPath: metadata.name", "fieldPath: spec.nodeName",
                        "HOSTNAME is not the pod's name"),
                Arguments.of("kind: PodDisruptionBudget", "kind: PodDisruptionBudgets",
                        "unknown kind policy/v1/PodDisruptionBudgets"),
                Arguments.of("  selector:\n    app.kubernetes.io/name: cache-gateway\n",
                        "  selector:\n    app.kubernetes.io/name: cache-gw\n", "Service cache-gateway selects no pod"),
                Arguments.of("key: redis-url", "key: redis-uri",
                        "refers to key redis-uri of Secret redis-credentials-"),
                Arguments.of("address: redis:6379", "address: redis-0:6379",
                        "the trigger reads Redis at [redis-0:6379], but REDIS_URL names [redis:6379]"),
                Arguments.of("image: redline/chat-node:", "image: redline/chat:",
                        "Deployment chat-node is part of redline but runs no image redline/MODULE"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("mistakes")
    void aMistakeInTheManifestsIsReportedByName(String from, String to, String expected) {
        String yaml = Kustomize.render(kubectl, Kustomize.K8S.resolve("overlays/dev"));
        assertTrue(yaml.contains(from), "the dev overlay has no \"" + from + "\" any more: update this test");
        Rendered mutated = Rendered.parse("dev with " + to, yaml.replace(from, to));
        List<String> problems = new ArrayList<>(everyProblem(mutated));
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)),
                "expected a problem containing \"" + expected + "\", got:\n  " + String.join("\n  ", problems));
    }

    @Test
    void withoutTheNameReferenceConfigurationTheTriggerAuthenticationWouldNameTheSecretBeforeItsHashSuffix()
            throws IOException {
        Path copy = Path.of("target", "k8s-base-without-keda-references").toAbsolutePath();
        Files.createDirectories(copy.resolve("kustomizeconfig"));
        try (Stream<Path> files = Files.list(Kustomize.K8S.resolve("base"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path kustomization = copy.resolve("kustomization.yaml");
        String text = Files.readString(kustomization);
        assertTrue(text.contains("  - kustomizeconfig/keda-references.yaml\n"), text);
        Files.writeString(kustomization, text.replace("  - kustomizeconfig/keda-references.yaml\n", "")
                .replace("configurations:\n", ""));

        List<String> problems = ReferenceRules.secretsAndConfigMaps(
                Rendered.parse("base without configurations", Kustomize.render(kubectl, copy)));

        assertEquals(List.of("TriggerAuthentication redis-auth parameter password refers to Secret redis-credentials,"
                + " which is not rendered (renamed by a generator?)"), problems);
    }

    private static List<String> kindsAndFields(Rendered rendered) {
        List<String> problems = new ArrayList<>();
        for (HasMetadata object : rendered.objects()) {
            String where = object.getKind() + " " + object.getMetadata().getName();
            if (object instanceof GenericKubernetesResource) {
                if (!Rendered.CUSTOM_KINDS.contains(object.getApiVersion() + "/" + object.getKind())) {
                    problems.add(where + ": unknown kind " + object.getApiVersion() + "/" + object.getKind());
                }
            } else {
                problems.addAll(UnknownFields.in(object, where));
            }
        }
        return problems;
    }

    private static List<String> everyProblem(Rendered rendered) {
        List<String> problems = new ArrayList<>(kindsAndFields(rendered));
        problems.addAll(ReferenceRules.check(rendered));
        problems.addAll(WorkloadRules.check(rendered));
        problems.addAll(KedaRules.check(rendered, eventWorkersGroup(), 1));
        problems.addAll(PodMonitorRules.check(rendered));
        return problems;
    }

    /** The group name as event-workers' code has it, read from its jar (deploy links against no process module). */
    static String eventWorkersGroup() {
        try (URLClassLoader jar = new URLClassLoader(new URL[] {ProcessJars.jar("event-workers").toUri().toURL()},
                null)) {
            return (String) jar.loadClass("io.redline.events.consumer.GroupNames").getField("GROUP").get(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("event-workers' jar has no GroupNames.GROUP", e);
        }
    }

    static void assertNoProblems(String overlay, List<String> problems) {
        assertTrue(problems.isEmpty(), overlay + ":\n  " + String.join("\n  ", problems));
    }
}
