package io.redline.deploy.redis;

import io.redline.deploy.k8s.ProcessJars;
import io.redline.testkit.Awaits;
import io.redline.testkit.ChildJvm;
import io.redline.testkit.FreePorts;
import io.redline.testkit.HttpProbe;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A process jar run as one Redis user: its own name and password, given apart from the URL as a pod gets them. */
final class RedlineAs {

    private final Map<String, String> redis;
    private final AclFile acl;

    RedlineAs(String redisUrl, AclFile acl) {
        this(Map.of("REDIS_URL", redisUrl), acl);
    }

    /** @param redis where Redis is: {@code REDIS_URL} (no credentials), {@code REDIS_MODE}... */
    RedlineAs(Map<String, String> redis, AclFile acl) {
        this.redis = Map.copyOf(redis);
        this.acl = acl;
    }

    /** The variables of {@code user}, plus {@code more}. */
    Map<String, String> env(String user, Map<String, String> more) {
        Map<String, String> env = new HashMap<>(more);
        env.putAll(redis);
        env.put("REDIS_USERNAME", user);
        env.put("REDIS_PASSWORD", acl.password(user));
        env.put("SHUTDOWN_GRACE", "10s");
        return env;
    }

    /** A one-shot command, waited for. */
    ChildJvm command(String module, String user, Map<String, String> more, String... args)
            throws InterruptedException {
        ChildJvm jvm = ChildJvm.startJar(ProcessJars.jar(module), env(user, more), args);
        jvm.waitFor(Duration.ofSeconds(60));
        return jvm;
    }

    /** A long-running process on free ports, once its readiness answers 200. */
    Served serve(String module, String user, Map<String, String> more, String... args) {
        int admin = FreePorts.find();
        int http = FreePorts.find();
        Map<String, String> env = new HashMap<>(more);
        env.put("ADMIN_PORT", String.valueOf(admin));
        env.put("HTTP_PORT", String.valueOf(http));
        ChildJvm jvm = ChildJvm.startJar(ProcessJars.jar(module), env(user, env), args);
        Served served = new Served(jvm, admin, http);
        try {
            Awaits.await(Duration.ofSeconds(60)).until(() -> {
                if (!jvm.isAlive()) {
                    throw new AssertionError(module + " exited: " + jvm.stderr());
                }
                return HttpProbe.status("http://127.0.0.1:" + admin + "/health/ready") == 200;
            });
        } catch (RuntimeException | AssertionError e) {
            served.close();
            throw e;
        }
        return served;
    }

    /** A process that answers on {@code admin} and {@code http}; closing it sends SIGTERM and waits. */
    record Served(ChildJvm jvm, int admin, int http) implements AutoCloseable {

        String url(String path) {
            return "http://127.0.0.1:" + http + path;
        }

        @Override
        public void close() {
            jvm.terminate();
            try {
                jvm.waitFor(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                jvm.close();
            }
        }
    }
}
