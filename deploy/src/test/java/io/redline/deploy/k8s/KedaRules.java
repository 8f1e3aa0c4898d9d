package io.redline.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * KEDA's ScaledObject and TriggerAuthentication: their required fields, no field KEDA does not know, and the
 * trigger agreeing with what event-workers really does: its stream (with REDLINE_NAMESPACE), its consumer group,
 * and the Redis of its REDIS_URL and REDIS_MODE.
 */
final class KedaRules {

    static final String API = "keda.sh/v1alpha1";
    private static final Set<String> SPEC = Set.of("scaleTargetRef", "pollingInterval", "cooldownPeriod",
            "initialCooldownPeriod", "idleReplicaCount", "minReplicaCount", "maxReplicaCount", "fallback",
            "advanced", "triggers");
    private static final Set<String> TARGET = Set.of("name", "apiVersion", "kind", "envSourceContainerName");
    private static final Set<String> TRIGGER = Set.of("type", "name", "metadata", "authenticationRef",
            "metricType", "useCachedMetrics");
    private static final Set<String> COMMON_METADATA = Set.of("usernameFromEnv", "passwordFromEnv", "stream",
            "consumerGroup", "pendingEntriesCount", "streamLength", "lagCount", "activationLagCount", "enableTLS",
            "unsafeSsl");
    /** Trigger type to the Redis mode it serves and the metadata keys it takes beyond the common ones. */
    private static final Map<String, Map.Entry<String, Set<String>>> TYPES = Map.of(
            "redis-streams", Map.entry("single", Set.of("address", "host", "port", "databaseIndex",
                    "addressFromEnv", "hostFromEnv", "portFromEnv")),
            "redis-cluster-streams", Map.entry("cluster", Set.of("addresses", "hosts", "ports",
                    "addressesFromEnv", "hostsFromEnv", "portsFromEnv")),
            "redis-sentinel-streams", Map.entry("sentinel", Set.of("addresses", "hosts", "ports", "sentinelMaster",
                    "databaseIndex", "addressesFromEnv", "hostsFromEnv", "portsFromEnv", "sentinelMasterFromEnv")));
    private static final Set<String> AUTH_SPEC = Set.of("secretTargetRef", "configMapTargetRef", "env");
    private static final Set<String> AUTH_PARAMETERS = Set.of("username", "password", "sentinelUsername",
            "sentinelPassword", "tls", "ca", "cert", "key");
    private static final Set<String> METRICS = Set.of("pendingEntriesCount", "streamLength", "lagCount");

    private KedaRules() {
    }

    /**
     * @param group the consumer group event-workers uses (read from its jar)
     * @param minWorkers the fewest worker replicas this overlay may run
     */
    static List<String> check(Rendered rendered, String group, int minWorkers) {
        List<String> problems = new ArrayList<>();
        List<GenericKubernetesResource> scaled = rendered.custom(API, "ScaledObject");
        if (scaled.isEmpty()) {
            problems.add("no KEDA ScaledObject: nothing scales event-workers");
        }
        for (GenericKubernetesResource object : scaled) {
            problems.addAll(scaledObject(rendered, object, group, minWorkers));
        }
        for (GenericKubernetesResource auth : rendered.custom(API, "TriggerAuthentication")) {
            String who = "TriggerAuthentication " + auth.getMetadata().getName();
            JsonNode spec = Rendered.tree(auth).path("spec");
            problems.addAll(fields(spec, AUTH_SPEC, who + " spec"));
            for (JsonNode ref : spec.path("secretTargetRef")) {
                problems.addAll(fields(ref, Set.of("parameter", "name", "key"), who + " secretTargetRef"));
                if (!AUTH_PARAMETERS.contains(ref.path("parameter").asText())) {
                    problems.add(who + ": the Redis scalers take no parameter " + ref.path("parameter"));
                }
            }
        }
        return problems;
    }

    private static List<String> scaledObject(Rendered rendered, GenericKubernetesResource object, String group,
                                             int minWorkers) {
        List<String> problems = new ArrayList<>();
        String who = "ScaledObject " + object.getMetadata().getName();
        JsonNode root = Rendered.tree(object);
        JsonNode spec = root.path("spec");
        problems.addAll(fields(root, Set.of("apiVersion", "kind", "metadata", "spec"), who));
        problems.addAll(fields(spec, SPEC, who + " spec"));
        problems.addAll(fields(spec.path("scaleTargetRef"), TARGET, who + " scaleTargetRef"));
        String targetName = spec.path("scaleTargetRef").path("name").asText();
        Optional<Deployment> target = rendered.named(Deployment.class, targetName);
        if (target.isEmpty()) {
            return add(problems, who + " scales Deployment \"" + targetName + "\", which is not rendered");
        }
        Optional<RedlineContainer> worker = rendered.workloads().stream()
                .filter(w -> w.owner() == target.get())
                .flatMap(w -> RedlineContainer.of(rendered, w).stream())
                .filter(c -> c.module().equals("event-workers")).findFirst();
        if (worker.isEmpty()) {
            return add(problems, who + " scales " + targetName + ", which runs no event-workers container");
        }
        int min = spec.path("minReplicaCount").asInt(0);
        int max = spec.path("maxReplicaCount").asInt(100);
        if (!spec.has("minReplicaCount") || !spec.has("maxReplicaCount") || !spec.has("cooldownPeriod")) {
            problems.add(who + ": needs minReplicaCount, maxReplicaCount and cooldownPeriod");
        }
        if (min < minWorkers || min > max) {
            problems.add(who + ": minReplicaCount " + min + " must be at least " + minWorkers
                    + " and at most maxReplicaCount " + max);
        }
        Integer replicas = target.get().getSpec().getReplicas();
        if (replicas == null || replicas < minWorkers) {
            problems.add("Deployment " + targetName + ": replicas " + replicas + ", fewer than " + minWorkers);
        }
        problems.addAll(workerPods(target.get()));
        rendered.all(HorizontalPodAutoscaler.class).stream()
                .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(targetName))
                .forEach(h -> problems.add("HorizontalPodAutoscaler " + h.getMetadata().getName() + " also scales "
                        + targetName + ", which KEDA scales (KEDA makes its own)"));

        String mode = worker.get().valueOr("REDIS_MODE", "single");
        String stream = new RedlineKeys(new KeyNamespace(worker.get().valueOr("REDLINE_NAMESPACE", "")))
                .eventStream();
        Optional<RedisUrl> url = redisUrl(rendered, worker.get(), mode);
        if (!spec.path("triggers").isArray() || spec.path("triggers").isEmpty()) {
            problems.add(who + ": no triggers");
        }
        for (JsonNode trigger : spec.path("triggers")) {
            problems.addAll(trigger(rendered, who, trigger, worker.get(), mode, stream, group, url));
        }
        return problems;
    }

    private static List<String> trigger(Rendered rendered, String who, JsonNode trigger, RedlineContainer worker,
                                        String mode, String stream, String group, Optional<RedisUrl> url) {
        List<String> problems = new ArrayList<>(fields(trigger, TRIGGER, who + " trigger"));
        String type = trigger.path("type").asText();
        Map.Entry<String, Set<String>> kind = TYPES.get(type);
        if (kind == null) {
            return add(problems, who + ": trigger type " + type + " is not one of " + new TreeSet<>(TYPES.keySet()));
        }
        if (!kind.getKey().equals(mode)) {
            problems.add(who + ": trigger type " + type + " serves REDIS_MODE=" + kind.getKey()
                    + ", but event-workers runs with REDIS_MODE=" + mode);
        }
        JsonNode metadata = trigger.path("metadata");
        Set<String> allowed = new TreeSet<>(COMMON_METADATA);
        allowed.addAll(kind.getValue());
        problems.addAll(fields(metadata, allowed, who + " trigger " + type + " metadata"));
        metadata.properties().forEach(e -> {
            if (!e.getValue().isTextual()) {
                problems.add(who + ": metadata " + e.getKey() + " must be a string (KEDA reads a string map), but was "
                        + e.getValue());
            }
        });
        expect(problems, who, metadata, "stream", stream, "the stream event-workers reads");
        expect(problems, who, metadata, "consumerGroup", group, "event-workers' consumer group");
        long measures = METRICS.stream().filter(metadata::has).count();
        if (measures != 1) {
            problems.add(who + ": a trigger needs exactly one of " + new TreeSet<>(METRICS) + ", but had " + measures);
        }
        if (metadata.has("lagCount") && !metadata.has("activationLagCount")) {
            problems.add(who + ": lagCount needs activationLagCount");
        }
        if (mode.equals("sentinel")) {
            expect(problems, who, metadata, "sentinelMaster", worker.valueOr("REDIS_SENTINEL_MASTER", ""),
                    "REDIS_SENTINEL_MASTER");
        }
        if (url.isPresent()) {
            String addresses = metadata.has("address") ? metadata.path("address").asText()
                    : metadata.path("addresses").asText();
            List<String> keda = Arrays.stream(addresses.split(",")).map(String::trim).sorted().toList();
            List<String> processes = url.get().addresses().stream().sorted().toList();
            if (!keda.equals(processes)) {
                problems.add(who + ": the trigger reads Redis at " + keda + ", but REDIS_URL names " + processes);
            }
            if (url.get().tls() != metadata.path("enableTLS").asText("false").equals("true")) {
                problems.add(who + ": enableTLS is " + metadata.path("enableTLS").asText("false")
                        + ", but REDIS_URL " + (url.get().tls() ? "uses" : "does not use") + " TLS (rediss://)");
            }
            problems.addAll(authentication(rendered, who, trigger, url.get()));
        }
        return problems;
    }

    private static List<String> authentication(Rendered rendered, String who, JsonNode trigger, RedisUrl url) {
        if (!url.hasPassword()) {
            return List.of();
        }
        String name = trigger.path("authenticationRef").path("name").asText("");
        Optional<GenericKubernetesResource> auth = rendered.custom(API, "TriggerAuthentication").stream()
                .filter(a -> a.getMetadata().getName().equals(name)).findFirst();
        if (auth.isEmpty()) {
            return List.of(who + ": REDIS_URL has a password, but the trigger's authenticationRef \"" + name
                    + "\" names no rendered TriggerAuthentication");
        }
        boolean password = false;
        for (JsonNode ref : Rendered.tree(auth.get()).path("spec").path("secretTargetRef")) {
            password |= ref.path("parameter").asText().equals("password");
        }
        return password ? List.of()
                : List.of(who + ": TriggerAuthentication " + name + " gives KEDA no password parameter");
    }

    /** REDIS_URL of the worker, decoded from the rendered Secret it comes from. */
    private static Optional<RedisUrl> redisUrl(Rendered rendered, RedlineContainer worker, String mode) {
        int port = mode.equals("sentinel") ? 26379 : 6379;
        Optional<String> literal = worker.env().getOrDefault("REDIS_URL", Optional.empty());
        if (literal.isPresent()) {
            return Optional.of(RedisUrl.parse(literal.get(), port));
        }
        for (EnvVar var : worker.container().getEnv()) {
            if (var.getName().equals("REDIS_URL") && var.getValueFrom() != null
                    && var.getValueFrom().getSecretKeyRef() != null) {
                var ref = var.getValueFrom().getSecretKeyRef();
                return rendered.named(Secret.class, ref.getName())
                        .map(s -> s.getData() == null ? null : s.getData().get(ref.getKey()))
                        .map(b64 -> new String(Base64.getMimeDecoder().decode(b64), StandardCharsets.UTF_8))
                        .map(url -> RedisUrl.parse(url, port));
            }
        }
        return Optional.empty();
    }

    private static List<String> workerPods(Deployment deployment) {
        List<String> problems = new ArrayList<>();
        String who = "Deployment " + deployment.getMetadata().getName();
        var pod = deployment.getSpec().getTemplate().getSpec();
        if (pod.getTopologySpreadConstraints().isEmpty()) {
            problems.add(who + ": no topologySpreadConstraints (workers should spread across nodes)");
        }
        boolean hostnameIsPodName = pod.getContainers().stream().flatMap(c -> c.getEnv().stream())
                .anyMatch(v -> v.getName().equals("HOSTNAME") && v.getValueFrom() != null
                        && v.getValueFrom().getFieldRef() != null
                        && "metadata.name".equals(v.getValueFrom().getFieldRef().getFieldPath()));
        if (!hostnameIsPodName) {
            problems.add(who + ": HOSTNAME is not the pod's name (valueFrom.fieldRef metadata.name), so members"
                    + " would not be named after their pod");
        }
        return problems;
    }

    private static void expect(List<String> problems, String who, JsonNode metadata, String field, String value,
                               String what) {
        if (!metadata.path(field).asText("").equals(value)) {
            problems.add(who + ": " + field + " is \"" + metadata.path(field).asText("") + "\", but " + what
                    + " is \"" + value + "\"");
        }
    }

    /** Every field of {@code node} must be one of {@code allowed}: KEDA ignores a misspelt field silently. */
    static List<String> fields(JsonNode node, Set<String> allowed, String where) {
        List<String> problems = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                problems.add(where + " has an unknown field " + name + " (known: " + new TreeSet<>(allowed) + ")");
            }
        });
        return problems;
    }

    private static List<String> add(List<String> problems, String problem) {
        problems.add(problem);
        return problems;
    }
}
