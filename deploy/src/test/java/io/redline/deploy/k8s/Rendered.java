package io.redline.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The objects of one rendered overlay, parsed by fabric8's {@link KubernetesSerialization}: a kind fabric8 knows
 * becomes its typed model class, anything else a {@link GenericKubernetesResource}.
 */
final class Rendered {

    /** Custom resources the manifests may use: each is checked by hand ({@link KedaRules}, {@link PodMonitorRules}). */
    static final Set<String> CUSTOM_KINDS = Set.of("keda.sh/v1alpha1/ScaledObject",
            "keda.sh/v1alpha1/TriggerAuthentication", "monitoring.coreos.com/v1/PodMonitor");

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

    private final String name;
    private final List<HasMetadata> objects;

    private Rendered(String name, List<HasMetadata> objects) {
        this.name = name;
        this.objects = List.copyOf(objects);
    }

    /** @param name what was rendered, for messages */
    static Rendered parse(String name, String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
            if (document.isBlank()) {
                continue;
            }
            KubernetesResource resource = SERIALIZATION.unmarshal(document, KubernetesResource.class);
            if (!(resource instanceof HasMetadata object)) {
                throw new AssertionError(name + ": not a Kubernetes object: " + document);
            }
            objects.add(object);
        }
        return new Rendered(name, objects);
    }

    String name() {
        return name;
    }

    List<HasMetadata> objects() {
        return objects;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> named(Class<T> type, String objectName) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(objectName)).findFirst();
    }

    List<GenericKubernetesResource> custom(String apiVersion, String kind) {
        return all(GenericKubernetesResource.class).stream()
                .filter(o -> apiVersion.equals(o.getApiVersion()) && kind.equals(o.getKind())).toList();
    }

    /** A custom resource as a JSON tree, to read its fields. */
    static JsonNode tree(GenericKubernetesResource resource) {
        try {
            return JSON.readTree(SERIALIZATION.asJson(resource));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys a ConfigMap or a Secret holds, by name; empty when no such object was rendered. */
    Optional<Set<String>> keysOf(String kind, String objectName) {
        if (kind.equals("ConfigMap")) {
            return named(ConfigMap.class, objectName).map(c -> keys(c.getData(), c.getBinaryData()));
        }
        return named(Secret.class, objectName).map(s -> keys(s.getData(), s.getStringData()));
    }

    private static Set<String> keys(Map<String, String> one, Map<String, String> other) {
        Set<String> keys = new java.util.TreeSet<>();
        keys.addAll(one == null ? Map.<String, String>of().keySet() : one.keySet());
        keys.addAll(other == null ? Map.<String, String>of().keySet() : other.keySet());
        return keys;
    }

    /** Every pod this overlay would run: Deployments, StatefulSets and CronJobs. */
    List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        for (Deployment d : all(Deployment.class)) {
            workloads.add(new Workload(d, d.getSpec().getTemplate().getMetadata().getLabels(),
                    d.getSpec().getTemplate().getSpec()));
        }
        for (StatefulSet s : all(StatefulSet.class)) {
            workloads.add(new Workload(s, s.getSpec().getTemplate().getMetadata().getLabels(),
                    s.getSpec().getTemplate().getSpec()));
        }
        for (CronJob c : all(CronJob.class)) {
            var template = c.getSpec().getJobTemplate().getSpec().getTemplate();
            workloads.add(new Workload(c, template.getMetadata().getLabels(), template.getSpec()));
        }
        return workloads;
    }

    /** A pod template and the object that holds it. */
    record Workload(HasMetadata owner, Map<String, String> podLabels, PodSpec pod) {

        String describe() {
            return owner.getKind() + " " + owner.getMetadata().getName();
        }
    }
}
