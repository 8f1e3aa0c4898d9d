package io.redline.testkit;

import io.redline.core.redis.RedisMode;
import io.redline.core.redis.RedisSettings;
import io.redline.core.redis.RedisUrl;
import io.redline.core.redis.RedissonConfigs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * A real local Redis Cluster of three masters (and optionally one replica each), made of redis-server processes
 * joined with {@code redis-cli --cluster create}; started before the test class and stopped after it.
 * Use as {@code @RegisterExtension static final RedisClusterExtension CLUSTER = new RedisClusterExtension(0);}.
 * {@link #withTls()} makes a cluster that accepts TLS only, on the client port and the cluster bus;
 * {@link #withAcl(RedisAcl)} one whose nodes load an ACL file.
 */
public final class RedisClusterExtension implements BeforeAllCallback, AfterAllCallback {

    private static final int MASTERS = 3;

    private final int replicasPerMaster;
    private final boolean tls;
    private final RedisAcl acl;
    private final List<RedisProcess> nodes = new ArrayList<>();
    private TestCertificates certificates;
    private RedissonClient client;

    public RedisClusterExtension(int replicasPerMaster) {
        this(replicasPerMaster, false, null);
    }

    private RedisClusterExtension(int replicasPerMaster, boolean tls, RedisAcl acl) {
        if (replicasPerMaster < 0 || replicasPerMaster > 1) {
            throw new IllegalArgumentException("replicasPerMaster must be 0 or 1, but was " + replicasPerMaster);
        }
        this.replicasPerMaster = replicasPerMaster;
        this.tls = tls;
        this.acl = acl;
    }

    /**
     * The same cluster over TLS only: each node has {@code --port 0}, a {@code --tls-port}, the {@code localhost}
     * certificate of {@link #certificates()} (made with openssl for the class), {@code --tls-cluster yes},
     * {@code --tls-replication yes} and {@code --tls-auth-clients optional}; the seed URL is {@code rediss://}.
     * Skipped, saying why, without openssl.
     */
    public RedisClusterExtension withTls() {
        return new RedisClusterExtension(replicasPerMaster, true, acl);
    }

    /**
     * The same cluster with every node loading {@code acl}'s file: replicas, {@code redis-cli --cluster create},
     * the kit's checks and {@link #client()} log in as its user; {@link #settings()} carries no credentials.
     */
    public RedisClusterExtension withAcl(RedisAcl acl) {
        return new RedisClusterExtension(replicasPerMaster, tls, acl);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path cli = RedisBinaries.cliOnPath().orElse(null);
        Assumptions.assumeTrue(cli != null, "the Redis Cluster fixture needs redis-cli on PATH (Debian: redis-tools)");
        Path server = RedisBinaries.anyServer();
        List<String> cliTls = new ArrayList<>();
        if (tls) {
            certificates = TestCertificates.create();
            cliTls.addAll(List.of("--tls", "--cacert", certificates.ca().toString(),
                    "--cert", certificates.certificate(TestCertificates.CLIENT).toString(),
                    "--key", certificates.key(TestCertificates.CLIENT).toString()));
        }
        for (int i = 0; i < MASTERS * (1 + replicasPerMaster); i++) {
            String[] cluster = {"--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                "--cluster-node-timeout", "3000",
                // a replica's first full sync starts at once rather than after the default 5 s delay
                "--repl-diskless-sync-delay", "0"};
            if (acl != null) {
                cluster = concat(cluster, acl.serverArguments().toArray(new String[0]));
            }
            RedisProcess node = tls
                    ? RedisProcess.tlsServer(server, certificates, concat(cluster, "--tls-cluster", "yes",
                            "--tls-replication", "yes"))
                    : RedisProcess.server(server, cluster);
            if (acl != null) {
                node.logInAs(acl.user(), acl.password());
            }
            nodes.add(node);
        }
        List<String> command = new ArrayList<>(List.of(cli.toString()));
        command.addAll(cliTls);
        if (acl != null) {
            command.addAll(List.of("--user", acl.user(), "--pass", acl.password(), "--no-auth-warning"));
        }
        command.addAll(List.of("--cluster", "create"));
        nodes.forEach(node -> command.add("127.0.0.1:" + node.port()));
        command.addAll(List.of("--cluster-replicas", String.valueOf(replicasPerMaster), "--cluster-yes"));
        Process create = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(create.getInputStream().readAllBytes());
        if (!create.waitFor(60, TimeUnit.SECONDS) || create.exitValue() != 0) {
            throw new IllegalStateException("redis-cli --cluster create failed: " + output);
        }
        Awaits.await().until(this::everyNodeSeesAHealthyCluster);
        // a replica still loading its first copy confirms no write (WAIT answers 0): tests start once all are in sync
        Awaits.await().until(this::everyReplicaIsInSync);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (client != null) {
            client.shutdown();
        }
        nodes.forEach(RedisProcess::close);
        nodes.clear();
    }

    /** All nodes as a seed list: {@code redis://127.0.0.1:p1,redis://127.0.0.1:p2,...} ({@code rediss} with TLS). */
    public String seedUrl() {
        return nodes.stream().map(RedisProcess::url).collect(Collectors.joining(","));
    }

    /** The cluster's settings; with TLS, trusting the test CA and showing the client certificate. */
    public RedisSettings settings() {
        RedisUrl url = RedisUrl.parse(seedUrl(), 6379);
        return tls ? new RedisSettings(RedisMode.CLUSTER, url, null, certificates.clientTls())
                : new RedisSettings(RedisMode.CLUSTER, url, null);
    }

    /** The certificates of a {@link #withTls()} cluster. */
    public TestCertificates certificates() {
        if (certificates == null) {
            throw new IllegalStateException("not a TLS cluster (withTls()), or not started yet");
        }
        return certificates;
    }

    /**
     * {@code CONFIG SET} on every node, e.g. {@code configSet("tls-auth-clients", "yes")}.
     *
     * @throws IllegalStateException when a node refuses, with its reply
     */
    public void configSet(String... parametersAndValues) throws IOException {
        for (RedisProcess node : nodes) {
            Object reply = node.call(concat(new String[] {"CONFIG", "SET"}, parametersAndValues));
            if (!"OK".equals(reply)) {
                throw new IllegalStateException(node + " refused CONFIG SET: " + reply);
            }
        }
    }

    /** A cluster-mode client, made on first use and shut down after the class. */
    public synchronized RedissonClient client() {
        if (client == null) {
            RedisSettings settings = settings();
            if (acl != null) {
                settings = new RedisSettings(settings.mode(), new RedisUrl(settings.url().endpoints(), acl.user(),
                        acl.password(), 0), null, settings.tls());
            }
            client = Redisson.create(RedissonConfigs.create(settings, "test-cluster"));
        }
        return client;
    }

    public List<RedisProcess> nodes() {
        return List.copyOf(nodes);
    }

    private boolean everyNodeSeesAHealthyCluster() throws IOException {
        for (RedisProcess node : nodes) {
            String info = (String) node.call("CLUSTER", "INFO");
            if (!info.contains("cluster_state:ok") || !info.contains("cluster_known_nodes:" + nodes.size())) {
                return false;
            }
        }
        return true;
    }

    private boolean everyReplicaIsInSync() throws IOException {
        int online = 0;
        for (RedisProcess node : nodes) {
            String info = (String) node.call("INFO", "replication");
            online += (int) info.lines().filter(line -> line.startsWith("slave") && line.contains("state=online"))
                    .count();
        }
        return online == MASTERS * replicasPerMaster;
    }

    static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
