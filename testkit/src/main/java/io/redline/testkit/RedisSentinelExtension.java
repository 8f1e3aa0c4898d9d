package io.redline.testkit;

import io.redline.core.redis.RedisMode;
import io.redline.core.redis.RedisSettings;
import io.redline.core.redis.RedisUrl;
import io.redline.core.redis.RedissonConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * A real Sentinel group: one master, one replica and three sentinels, all redis-server processes started before
 * the test class and stopped after it. Use as
 * {@code @RegisterExtension static final RedisSentinelExtension SENTINEL = new RedisSentinelExtension();}.
 * {@link #withTls()} makes a group that accepts TLS only, between its own processes too; {@link #withAcl(RedisAcl)}
 * one whose master and replica load an ACL file (the sentinels themselves ask for no password).
 */
public final class RedisSentinelExtension implements BeforeAllCallback, AfterAllCallback {

    public static final String MASTER_NAME = "redline-master";
    private static final int SENTINELS = 3;

    private final boolean tls;
    private final RedisAcl acl;
    private final List<RedisProcess> processes = new ArrayList<>();
    private final List<RedisProcess> sentinels = new ArrayList<>();
    private TestCertificates certificates;
    private RedisProcess master;
    private RedisProcess replica;
    private RedissonClient client;

    public RedisSentinelExtension() {
        this(false, null);
    }

    private RedisSentinelExtension(boolean tls, RedisAcl acl) {
        this.tls = tls;
        this.acl = acl;
    }

    /**
     * The same group over TLS only: master, replica and sentinels have {@code port 0}, a {@code tls-port}, the
     * {@code localhost} certificate of {@link #certificates()} (made with openssl for the class),
     * {@code tls-replication yes} and {@code tls-auth-clients optional}; the sentinel URL is {@code rediss://}.
     * Skipped, saying why, without openssl.
     */
    public RedisSentinelExtension withTls() {
        return new RedisSentinelExtension(true, acl);
    }

    /**
     * The same group with master and replica loading {@code acl}'s file: the replica, the sentinels
     * ({@code sentinel auth-user}), the kit's checks and {@link #client()} log in as its user;
     * {@link #settings()} carries no credentials.
     */
    public RedisSentinelExtension withAcl(RedisAcl acl) {
        return new RedisSentinelExtension(tls, acl);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path server = RedisBinaries.anyServer();
        String[] logins = acl == null ? new String[0] : acl.serverArguments().toArray(new String[0]);
        if (tls) {
            certificates = TestCertificates.create();
            String[] tlsLogins = RedisClusterExtension.concat(logins, "--tls-replication", "yes");
            master = track(RedisProcess.tlsServer(server, certificates, tlsLogins));
            replica = track(RedisProcess.tlsServer(server, certificates, RedisClusterExtension.concat(tlsLogins,
                    "--replicaof", "127.0.0.1", String.valueOf(master.port()))));
        } else {
            master = track(RedisProcess.server(server, logins));
            replica = track(RedisProcess.server(server, RedisClusterExtension.concat(logins, "--replicaof",
                    "127.0.0.1", String.valueOf(master.port()))));
        }
        if (acl != null) {
            master.logInAs(acl.user(), acl.password());
            replica.logInAs(acl.user(), acl.password());
        }
        for (int i = 0; i < SENTINELS; i++) {
            sentinels.add(track(sentinel(server)));
        }
        Awaits.await().until(this::everySentinelKnowsTheGroup);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (client != null) {
            client.shutdown();
        }
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
        processes.clear();
        sentinels.clear();
    }

    /** The sentinels as a list: {@code redis://127.0.0.1:s1,redis://127.0.0.1:s2,...} ({@code rediss} with TLS). */
    public String sentinelUrl() {
        return sentinels.stream().map(RedisProcess::url).collect(Collectors.joining(","));
    }

    /** The group's settings; with TLS, trusting the test CA and showing the client certificate. */
    public RedisSettings settings() {
        RedisUrl url = RedisUrl.parse(sentinelUrl(), 26_379);
        return tls ? new RedisSettings(RedisMode.SENTINEL, url, MASTER_NAME, certificates.clientTls())
                : new RedisSettings(RedisMode.SENTINEL, url, MASTER_NAME);
    }

    /** The certificates of a {@link #withTls()} group. */
    public TestCertificates certificates() {
        if (certificates == null) {
            throw new IllegalStateException("not a TLS group (withTls()), or not started yet");
        }
        return certificates;
    }

    /**
     * {@code CONFIG SET} on the master and the replica (sentinels do not take it), e.g.
     * {@code configSetOnServers("tls-auth-clients", "yes")}.
     *
     * @throws IllegalStateException when a server refuses, with its reply
     */
    public void configSetOnServers(String... parametersAndValues) throws IOException {
        for (RedisProcess server : List.of(master, replica)) {
            Object reply = server.call(RedisClusterExtension.concat(new String[] {"CONFIG", "SET"},
                    parametersAndValues));
            if (!"OK".equals(reply)) {
                throw new IllegalStateException(server + " refused CONFIG SET: " + reply);
            }
        }
    }

    public synchronized RedissonClient client() {
        if (client == null) {
            RedisSettings settings = settings();
            if (acl != null) {
                settings = new RedisSettings(settings.mode(), new RedisUrl(settings.url().endpoints(), acl.user(),
                        acl.password(), 0), MASTER_NAME, settings.tls());
            }
            client = Redisson.create(RedissonConfigs.create(settings, "test-sentinel"));
        }
        return client;
    }

    public RedisProcess master() {
        return master;
    }

    public RedisProcess replica() {
        return replica;
    }

    private RedisProcess track(RedisProcess process) {
        processes.add(process);
        return process;
    }

    private RedisProcess sentinel(Path server) throws IOException {
        int port = FreePorts.find();
        Path dir = RedisProcess.tempDir("sentinel-" + port);
        Path config = dir.resolve("sentinel.conf");
        List<String> ports = tls
                ? List.of("port 0", "tls-port " + port,
                        "tls-cert-file " + certificates.certificate(TestCertificates.LOCALHOST),
                        "tls-key-file " + certificates.key(TestCertificates.LOCALHOST),
                        "tls-ca-cert-file " + certificates.ca(), "tls-replication yes", "tls-auth-clients optional")
                : List.of("port " + port);
        Files.writeString(config, String.join("\n", ports) + "\n" + String.join("\n",
                "bind 127.0.0.1",
                "dir " + dir,
                "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + master.port() + " 2",
                "sentinel down-after-milliseconds " + MASTER_NAME + " 3000",
                "sentinel failover-timeout " + MASTER_NAME + " 10000",
                "sentinel parallel-syncs " + MASTER_NAME + " 1",
                acl == null ? "" : "sentinel auth-user " + MASTER_NAME + " " + acl.user(),
                acl == null ? "" : "sentinel auth-pass " + MASTER_NAME + " " + acl.password(),
                ""));
        return RedisProcess.custom("sentinel:" + port, List.of(server.toString(), config.toString(), "--sentinel"),
                port, dir, tls ? certificates.socketFactory() : null);
    }

    private boolean everySentinelKnowsTheGroup() throws IOException {
        for (RedisProcess sentinel : sentinels) {
            List<?> replicas = (List<?>) sentinel.call("SENTINEL", "REPLICAS", MASTER_NAME);
            List<?> peers = (List<?>) sentinel.call("SENTINEL", "SENTINELS", MASTER_NAME);
            if (replicas.size() != 1 || peers.size() != SENTINELS - 1) {
                return false;
            }
        }
        return true;
    }
}
