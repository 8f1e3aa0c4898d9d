package io.redline.deploy.scaling;

import io.redline.testkit.ChildJvm;
import io.redline.testkit.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * event-workers processes started as Kubernetes would start the Deployment's pods: {@code java -jar}, the pod's
 * name in {@code HOSTNAME}, its own admin port; and frozen or killed as a node failure would.
 */
final class WorkerPods {

    static final Path JAR = Path.of("..", "event-workers", "target", "redline-event-workers.jar").toAbsolutePath()
            .normalize();

    private WorkerPods() {
    }

    /** A running pod: its process and its pid (to freeze it with SIGSTOP). */
    record Pod(String name, ChildJvm jvm, long pid) {
    }

    static Pod start(String name, Map<String, String> environment) {
        Set<Long> before = children();
        Map<String, String> env = new HashMap<>(environment);
        env.put("HOSTNAME", name);
        env.put("ADMIN_PORT", String.valueOf(FreePorts.find()));
        ChildJvm jvm = ChildJvm.startJar(JAR, env);
        Set<Long> started = children();
        started.removeAll(before);
        if (started.size() != 1) {
            jvm.close();
            throw new AssertionError("cannot tell the pid of " + name + " among " + started);
        }
        return new Pod(name, jvm, started.iterator().next());
    }

    static void signal(Pod pod, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pod.pid())).start();
            if (kill.waitFor() != 0) {
                throw new AssertionError("kill -" + signal + " " + pod.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Set<Long> children() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
    }
}
