package io.redline.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names that must point at something after kustomize's renaming: Secret and ConfigMap references (generated names
 * carry a hash suffix, which kustomize writes into the objects it knows and, given a nameReference configuration,
 * into KEDA's TriggerAuthentication), Services' selectors and ports, PodDisruptionBudgets and autoscalers.
 */
final class ReferenceRules {

    private ReferenceRules() {
    }

    static List<String> check(Rendered rendered) {
        List<String> problems = new ArrayList<>();
        problems.addAll(secretsAndConfigMaps(rendered));
        problems.addAll(services(rendered));
        problems.addAll(disruptionBudgets(rendered));
        problems.addAll(autoscalers(rendered));
        return problems;
    }

    static List<String> secretsAndConfigMaps(Rendered rendered) {
        List<String> problems = new ArrayList<>();
        for (Rendered.Workload workload : rendered.workloads()) {
            String who = workload.describe();
            for (Container container : workload.pod().getContainers()) {
                for (EnvVar var : container.getEnv()) {
                    var from = var.getValueFrom();
                    if (from != null && from.getSecretKeyRef() != null) {
                        resolve(rendered, problems, who + " env " + var.getName(), "Secret",
                                from.getSecretKeyRef().getName(), from.getSecretKeyRef().getKey(),
                                from.getSecretKeyRef().getOptional());
                    }
                    if (from != null && from.getConfigMapKeyRef() != null) {
                        resolve(rendered, problems, who + " env " + var.getName(), "ConfigMap",
                                from.getConfigMapKeyRef().getName(), from.getConfigMapKeyRef().getKey(),
                                from.getConfigMapKeyRef().getOptional());
                    }
                }
                for (EnvFromSource source : container.getEnvFrom()) {
                    if (source.getSecretRef() != null) {
                        resolve(rendered, problems, who + " envFrom", "Secret", source.getSecretRef().getName(),
                                null, source.getSecretRef().getOptional());
                    }
                    if (source.getConfigMapRef() != null) {
                        resolve(rendered, problems, who + " envFrom", "ConfigMap",
                                source.getConfigMapRef().getName(), null, source.getConfigMapRef().getOptional());
                    }
                }
            }
            for (Volume volume : workload.pod().getVolumes()) {
                if (volume.getSecret() != null) {
                    resolve(rendered, problems, who + " volume " + volume.getName(), "Secret",
                            volume.getSecret().getSecretName(), null, volume.getSecret().getOptional());
                }
                if (volume.getConfigMap() != null) {
                    resolve(rendered, problems, who + " volume " + volume.getName(), "ConfigMap",
                            volume.getConfigMap().getName(), null, volume.getConfigMap().getOptional());
                }
            }
        }
        for (GenericKubernetesResource auth : rendered.custom("keda.sh/v1alpha1", "TriggerAuthentication")) {
            String who = "TriggerAuthentication " + auth.getMetadata().getName();
            JsonNode spec = Rendered.tree(auth).path("spec");
            for (JsonNode ref : spec.path("secretTargetRef")) {
                resolve(rendered, problems, who + " parameter " + ref.path("parameter").asText(), "Secret",
                        ref.path("name").asText(), ref.path("key").asText(), false);
            }
            for (JsonNode ref : spec.path("configMapTargetRef")) {
                resolve(rendered, problems, who + " parameter " + ref.path("parameter").asText(), "ConfigMap",
                        ref.path("name").asText(), ref.path("key").asText(), false);
            }
        }
        return problems;
    }

    private static void resolve(Rendered rendered, List<String> problems, String who, String kind, String name,
                                String key, Boolean optional) {
        if (Boolean.TRUE.equals(optional)) {
            return;
        }
        Optional<Set<String>> keys = rendered.keysOf(kind, name);
        if (keys.isEmpty()) {
            problems.add(who + " refers to " + kind + " " + name + ", which is not rendered (renamed by a generator?)");
        } else if (key != null && !keys.get().contains(key)) {
            problems.add(who + " refers to key " + key + " of " + kind + " " + name + ", which has only "
                    + keys.get());
        }
    }

    static List<String> services(Rendered rendered) {
        List<String> problems = new ArrayList<>();
        for (Service service : rendered.all(Service.class)) {
            String who = "Service " + service.getMetadata().getName();
            Map<String, String> selector = service.getSpec().getSelector();
            List<Rendered.Workload> selected = rendered.workloads().stream()
                    .filter(w -> selector != null && !selector.isEmpty()
                            && w.podLabels().entrySet().containsAll(selector.entrySet()))
                    .toList();
            if (selected.isEmpty()) {
                problems.add(who + " selects no pod (selector " + selector + ")");
                continue;
            }
            for (ServicePort port : service.getSpec().getPorts()) {
                String target = port.getTargetPort() == null ? null : port.getTargetPort().getStrVal();
                boolean named = target == null || selected.stream().allMatch(w -> w.pod().getContainers().stream()
                        .flatMap(c -> c.getPorts().stream()).map(ContainerPort::getName)
                        .anyMatch(target::equals));
                if (!named) {
                    problems.add(who + " port " + port.getName() + " targets \"" + target
                            + "\", which is not a container port of every pod it selects");
                }
            }
        }
        return problems;
    }

    static List<String> disruptionBudgets(Rendered rendered) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : rendered.all(Deployment.class)) {
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            boolean covered = rendered.all(PodDisruptionBudget.class).stream()
                    .map(pdb -> pdb.getSpec().getSelector().getMatchLabels())
                    .anyMatch(match -> match != null && !match.isEmpty()
                            && labels.entrySet().containsAll(match.entrySet()));
            if (!covered) {
                problems.add("Deployment " + deployment.getMetadata().getName() + " has no PodDisruptionBudget");
            }
        }
        return problems;
    }

    static List<String> autoscalers(Rendered rendered) {
        List<String> problems = new ArrayList<>();
        for (HorizontalPodAutoscaler hpa : rendered.all(HorizontalPodAutoscaler.class)) {
            var target = hpa.getSpec().getScaleTargetRef();
            if (!"Deployment".equals(target.getKind())
                    || rendered.named(Deployment.class, target.getName()).isEmpty()) {
                problems.add("HorizontalPodAutoscaler " + hpa.getMetadata().getName() + " scales "
                        + target.getKind() + " " + target.getName() + ", which is not rendered");
            }
        }
        for (String process : List.of("cache-gateway", "chat-node")) {
            boolean scaled = rendered.all(HorizontalPodAutoscaler.class).stream()
                    .anyMatch(h -> h.getSpec().getScaleTargetRef().getName().equals(process));
            if (!scaled) {
                problems.add("Deployment " + process + " has no HorizontalPodAutoscaler");
            }
        }
        return problems;
    }
}
