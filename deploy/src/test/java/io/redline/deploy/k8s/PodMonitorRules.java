package io.redline.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The optional PodMonitor: known fields only, and it scrapes a named port of pods that exist. */
final class PodMonitorRules {

    private static final Set<String> SPEC = Set.of("selector", "podMetricsEndpoints", "namespaceSelector",
            "jobLabel", "podTargetLabels", "sampleLimit");
    private static final Set<String> ENDPOINT = Set.of("port", "path", "interval", "scrapeTimeout", "scheme",
            "honorLabels", "relabelings", "metricRelabelings");

    private PodMonitorRules() {
    }

    static List<String> check(Rendered rendered) {
        List<String> problems = new ArrayList<>();
        for (GenericKubernetesResource monitor : rendered.custom("monitoring.coreos.com/v1", "PodMonitor")) {
            String who = "PodMonitor " + monitor.getMetadata().getName();
            JsonNode spec = Rendered.tree(monitor).path("spec");
            problems.addAll(KedaRules.fields(spec, SPEC, who + " spec"));
            Map<String, String> match = new java.util.TreeMap<>();
            spec.path("selector").path("matchLabels").properties()
                    .forEach(e -> match.put(e.getKey(), e.getValue().asText()));
            List<Rendered.Workload> pods = rendered.workloads().stream()
                    .filter(w -> !match.isEmpty() && w.podLabels().entrySet().containsAll(match.entrySet())).toList();
            if (pods.isEmpty()) {
                problems.add(who + " selects no pod (matchLabels " + match + ")");
            }
            for (JsonNode endpoint : spec.path("podMetricsEndpoints")) {
                problems.addAll(KedaRules.fields(endpoint, ENDPOINT, who + " endpoint"));
                String port = endpoint.path("port").asText();
                for (Rendered.Workload pod : pods) {
                    boolean has = pod.pod().getContainers().stream().flatMap(c -> c.getPorts().stream())
                            .anyMatch(p -> port.equals(p.getName()));
                    if (!has && pod.owner().getKind().equals("Deployment")) {
                        problems.add(who + " scrapes port \"" + port + "\", which " + pod.describe() + " lacks");
                    }
                }
            }
        }
        return problems;
    }
}
