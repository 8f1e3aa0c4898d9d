package io.redline.deploy.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import io.redline.core.config.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What every pod that runs a Redline image must have: an environment its process reads, hardening, and for a
 * long-running process the probes, ports and drain of docs/configuration.md; for the CronJob, the run settings.
 */
final class WorkloadRules {

    /** Read by the JVM itself, not by Redline's configuration. */
    static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");
    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";

    private WorkloadRules() {
    }

    static List<String> check(Rendered rendered) {
        List<String> problems = new ArrayList<>();
        for (Rendered.Workload workload : rendered.workloads()) {
            // a misspelt image would otherwise take a Redline pod out of every check below
            if ("redline".equals(workload.podLabels().get("app.kubernetes.io/part-of"))
                    && RedlineContainer.of(rendered, workload).isEmpty()) {
                problems.add(workload.describe() + " is part of redline but runs no image redline/MODULE"
                        + " (MODULE one of " + new java.util.TreeSet<>(ProcessJars.MODULES) + ")");
            }
            for (RedlineContainer c : RedlineContainer.of(rendered, workload)) {
                problems.addAll(environment(c));
                problems.addAll(hardening(workload, c));
                if (workload.owner() instanceof Deployment deployment) {
                    problems.addAll(longRunning(deployment, workload, c));
                }
            }
            if (workload.owner() instanceof CronJob cronJob) {
                problems.addAll(schedule(cronJob));
            }
        }
        return problems;
    }

    static List<String> environment(RedlineContainer c) {
        Optional<List<String>> read = ProcessJars.variablesRead(c.module(), c.args());
        if (read.isEmpty()) {
            return List.of(c.describe() + ": args " + c.args() + " are not a command of redline-" + c.module()
                    + " (its --help fails)");
        }
        List<String> problems = new ArrayList<>();
        for (String variable : c.env().keySet()) {
            if (!read.get().contains(variable) && !JVM_VARIABLES.contains(variable)) {
                problems.add(c.describe() + " sets " + variable + ", which that command does not read (it reads "
                        + String.join(", ", read.get()) + ")");
            }
        }
        return problems;
    }

    static List<String> hardening(Rendered.Workload workload, RedlineContainer c) {
        List<String> problems = new ArrayList<>();
        String who = c.describe();
        PodSecurityContext pod = Optional.ofNullable(workload.pod().getSecurityContext())
                .orElseGet(PodSecurityContext::new);
        SecurityContext own = Optional.ofNullable(c.container().getSecurityContext()).orElseGet(SecurityContext::new);
        if (!Boolean.TRUE.equals(own.getRunAsNonRoot()) && !Boolean.TRUE.equals(pod.getRunAsNonRoot())) {
            problems.add(who + ": runAsNonRoot is not true");
        }
        String seccomp = own.getSeccompProfile() != null ? own.getSeccompProfile().getType()
                : pod.getSeccompProfile() != null ? pod.getSeccompProfile().getType() : null;
        if (!"RuntimeDefault".equals(seccomp)) {
            problems.add(who + ": seccompProfile is " + seccomp + ", not RuntimeDefault");
        }
        if (!Boolean.FALSE.equals(own.getAllowPrivilegeEscalation())) {
            problems.add(who + ": allowPrivilegeEscalation is not false");
        }
        if (!Boolean.TRUE.equals(own.getReadOnlyRootFilesystem())) {
            problems.add(who + ": readOnlyRootFilesystem is not true");
        }
        if (own.getCapabilities() == null || !own.getCapabilities().getDrop().contains("ALL")) {
            problems.add(who + ": capabilities do not drop ALL");
        }
        boolean tmpIsEmptyDir = c.container().getVolumeMounts().stream()
                .filter(m -> "/tmp".equals(m.getMountPath()))
                .anyMatch(m -> workload.pod().getVolumes().stream()
                        .anyMatch(v -> v.getName().equals(m.getName()) && v.getEmptyDir() != null));
        if (!tmpIsEmptyDir) {
            problems.add(who + ": /tmp is not an emptyDir volume (the root filesystem is read-only)");
        }
        var resources = c.container().getResources();
        if (resources == null || !resources.getRequests().containsKey("cpu")
                || !resources.getRequests().containsKey("memory") || !resources.getLimits().containsKey("memory")) {
            problems.add(who + ": needs cpu and memory requests and a memory limit");
        }
        if (!c.valueOr("JAVA_TOOL_OPTIONS", "").contains("-XX:MaxRAMPercentage=")) {
            problems.add(who + ": JAVA_TOOL_OPTIONS does not size the heap from the container (-XX:MaxRAMPercentage)");
        }
        return problems;
    }

    static List<String> longRunning(Deployment deployment, Rendered.Workload workload, RedlineContainer c) {
        List<String> problems = new ArrayList<>();
        String who = c.describe();
        var rolling = deployment.getSpec().getStrategy() == null ? null
                : deployment.getSpec().getStrategy().getRollingUpdate();
        if (rolling == null || !isZero(rolling.getMaxUnavailable())) {
            problems.add(who + ": the rolling update's maxUnavailable is not 0");
        }
        int admin = Integer.parseInt(c.valueOr("ADMIN_PORT", "8081"));
        if (!c.portNamed("admin").equals(Optional.of(admin))) {
            problems.add(who + ": container port \"admin\" is " + c.portNamed("admin").orElse(null)
                    + ", but ADMIN_PORT is " + admin);
        }
        if (ProcessJars.variablesRead(c.module(), c.args()).orElse(List.of()).contains("HTTP_PORT")) {
            int http = Integer.parseInt(c.valueOr("HTTP_PORT", "8080"));
            if (!c.portNamed("http").equals(Optional.of(http))) {
                problems.add(who + ": container port \"http\" is " + c.portNamed("http").orElse(null)
                        + ", but HTTP_PORT is " + http);
            }
        }
        Container container = c.container();
        problems.addAll(probe(who, "startupProbe", container.getStartupProbe(), LIVE, c, admin));
        problems.addAll(probe(who, "readinessProbe", container.getReadinessProbe(), READY, c, admin));
        problems.addAll(probe(who, "livenessProbe", container.getLivenessProbe(), LIVE, c, admin));

        long grace = Durations.parse(c.valueOr("SHUTDOWN_GRACE", "20s")).toSeconds();
        long pause = preStopSeconds(container);
        Long period = workload.pod().getTerminationGracePeriodSeconds();
        if (pause == 0) {
            problems.add(who + ": no preStop pause: the listener could close before the endpoint is removed");
        }
        if (period == null || period <= pause + grace) {
            problems.add(who + ": terminationGracePeriodSeconds is " + period + ", not above the preStop pause ("
                    + pause + " s) plus SHUTDOWN_GRACE (" + grace + " s)");
        }
        return problems;
    }

    private static List<String> probe(String who, String which, Probe probe, String path, RedlineContainer c,
                                      int admin) {
        HTTPGetAction get = probe == null ? null : probe.getHttpGet();
        if (get == null) {
            return List.of(who + ": no " + which + " (an HTTP GET on the admin port)");
        }
        List<String> problems = new ArrayList<>();
        if (!path.equals(get.getPath())) {
            problems.add(who + ": " + which + " asks " + get.getPath() + ", not " + path);
        }
        IntOrString port = get.getPort();
        Optional<Integer> number = port.getIntVal() != null ? Optional.of(port.getIntVal())
                : c.portNamed(port.getStrVal());
        if (!number.equals(Optional.of(admin))) {
            problems.add(who + ": " + which + " asks port " + (port.getIntVal() != null ? port.getIntVal()
                    : port.getStrVal()) + ", not ADMIN_PORT " + admin);
        }
        return problems;
    }

    private static long preStopSeconds(Container container) {
        LifecycleHandler preStop = container.getLifecycle() == null ? null : container.getLifecycle().getPreStop();
        if (preStop == null) {
            return 0;
        }
        if (preStop.getSleep() != null) {
            return preStop.getSleep().getSeconds();
        }
        List<String> command = preStop.getExec() == null ? List.of() : preStop.getExec().getCommand();
        return command.size() == 2 && command.get(0).endsWith("sleep") ? Long.parseLong(command.get(1)) : 0;
    }

    private static boolean isZero(IntOrString value) {
        return value != null && (Integer.valueOf(0).equals(value.getIntVal()) || "0%".equals(value.getStrVal()));
    }

    static List<String> schedule(CronJob cronJob) {
        List<String> problems = new ArrayList<>();
        String who = "CronJob " + cronJob.getMetadata().getName();
        CronJobSpec spec = cronJob.getSpec();
        if (!"Forbid".equals(spec.getConcurrencyPolicy())) {
            problems.add(who + ": concurrencyPolicy is " + spec.getConcurrencyPolicy() + ", not Forbid");
        }
        if (spec.getStartingDeadlineSeconds() == null) {
            problems.add(who + ": no startingDeadlineSeconds");
        }
        if (spec.getSuccessfulJobsHistoryLimit() == null || spec.getFailedJobsHistoryLimit() == null) {
            problems.add(who + ": needs successfulJobsHistoryLimit and failedJobsHistoryLimit");
        }
        var job = spec.getJobTemplate().getSpec();
        if (job.getBackoffLimit() == null) {
            problems.add(who + ": no backoffLimit");
        }
        if (job.getActiveDeadlineSeconds() == null) {
            problems.add(who + ": no activeDeadlineSeconds");
        }
        return problems;
    }
}
