package io.redline.deploy.local;

import io.redline.core.keys.RedlineKeys;
import io.redline.core.lifecycle.Managed;
import io.redline.core.redis.RedisSettings;
import io.redline.core.redis.RedissonConfigs;
import io.redline.deploy.local.origin.Catalog;
import io.redline.deploy.local.origin.DemoOrigin;
import io.redline.deploy.local.ports.PortInUseException;
import io.redline.deploy.local.ports.PortLayout;
import io.redline.deploy.local.ports.PortSource;
import io.redline.deploy.local.process.ChildProcess;
import io.redline.deploy.local.process.JarLocator;
import io.redline.deploy.local.process.NotReadyException;
import io.redline.deploy.local.process.ProcessSpec;
import io.redline.deploy.local.process.Supervisor;
import io.redline.deploy.local.redis.LocalRedis;
import io.redline.deploy.local.redis.RedisBinary;
import io.redline.deploy.local.redis.RedisFeatures;
import io.redline.deploy.local.redis.RedisServers;
import io.redline.deploy.local.redis.RedisVersion;
import io.redline.deploy.local.status.AdminPorts;
import io.redline.deploy.local.status.StatusReporter;
import io.redline.deploy.local.status.Terminal;
import io.redline.deploy.local.traffic.BrowsingTraffic;
import io.redline.deploy.local.traffic.ChatBots;
import io.redline.deploy.local.traffic.OrderTraffic;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.slf4j.LoggerFactory;

/**
 * {@code redline up}, start to end: jars, ports, Redis, the demo origin, the processes, the banner, traffic and
 * the status line; then it waits for SIGINT or SIGTERM, on which its shutdown hook stops everything it started,
 * in reverse order (traffic, processes, origin, Redis), and exits 0.
 */
public final class LocalPlatform {

    public static final int EXIT_USAGE = 2;
    public static final int EXIT_FAILURE = 1;
    static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    /** Above the children's SHUTDOWN_GRACE, so that a child that drains is never killed. */
    static final Duration CHILD_STOP_GRACE = Duration.ofSeconds(15);
    static final Duration ORDER_INTERVAL = Duration.ofMillis(800);

    private final UpSettings settings;
    private final Terminal terminal;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final Clock clock = Clock.systemUTC();
    private final Deque<Stop> started = new ArrayDeque<>();
    private volatile boolean failed;
    private boolean stopping;

    public LocalPlatform(UpSettings settings, Terminal terminal, PrintStream err, Map<String, String> environment) {
        this.settings = settings;
        this.terminal = terminal;
        this.err = err;
        this.environment = Map.copyOf(environment);
    }

    /** @return the exit code when the platform could not come up; never returns once it is up */
    public int run() {
        RunnerLog.toFile(settings.logs().resolve("redline-up.log"));
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "redline-up-shutdown"));
        try {
            return up();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(LocalPlatform.class).error("redline up failed", e);
            return fail(EXIT_FAILURE, e + " (the stack trace is in " + settings.logs().resolve("redline-up.log")
                    + ")");
        }
    }

    private int up() throws InterruptedException {
        Map<String, Path> jars = new LinkedHashMap<>();
        JarLocator locator = JarLocator.of(settings.jars());
        for (String module : Member.MODULES) {
            Optional<Path> jar = locator.find(module);
            if (jar.isEmpty()) {
                return fail(EXIT_USAGE, "cannot find redline-" + module + ".jar in " + locator.searched()
                        + "; build the jars with ./mvnw -DskipTests package, or name their folder with --jars");
            }
            jars.put(module, jar.get());
        }
        List<Member> members = Member.of(settings);
        PortLayout ports;
        try (PortSource source = settings.portBase() == null ? PortSource.free()
                : PortSource.fixed(settings.portBase())) {
            ports = PortLayout.allocate(source,
                    members.stream().filter(Member::servesHttp).map(Member::name).toList(),
                    members.stream().map(Member::name).toList());
        } catch (PortInUseException e) {
            return fail(EXIT_USAGE, e.getMessage());
        }
        RedisInUse redis;
        RedissonClient client;
        try {
            redis = startOrFindRedis(ports);
            client = connect(redis.settings());
        } catch (RedisUnavailableException e) {
            return fail(EXIT_USAGE, e.getMessage());
        } catch (IOException e) {
            return fail(EXIT_FAILURE, "cannot start redis-server: " + e.getMessage());
        }
        register(client::shutdown);
        RedisVersion version = RedisServers.oldestMasterVersion(client, redis.settings().mode());
        Optional<String> refusal = RedisFeatures.refusal(version, redis.settings().mode());
        if (refusal.isPresent()) {
            return fail(EXIT_USAGE, refusal.get());
        }
        redis = new RedisInUse(redis.url(), redis.settings(), redis.local(), redis.source(), version);
        for (String limit : RedisFeatures.limits(version)) {
            terminal.println("note: on Redis " + version + ", " + limit);
        }
        Catalog catalog = Catalog.demo();
        if (!startPart(new DemoOrigin(ports.port(PortLayout.ORIGIN), catalog), "the demo origin")) {
            return EXIT_FAILURE;
        }
        ChildEnvironment env = new ChildEnvironment(redis.url(), redis.settings(), settings.namespace(), ports,
                environment);
        List<ChildProcess> children = new ArrayList<>();
        for (Member member : members) {
            children.add(new ChildProcess(new ProcessSpec(member.name(), command(jars.get(member.module()), member),
                    env.of(member), ports.adminPort(member.name()), settings.logs().resolve(member.name() + ".log"))));
        }
        RedisInUse inUse = redis;
        Supervisor supervisor = new Supervisor(children, settings.restart(),
                new DeathReport(terminal, () -> writePlatformFile(inUse, ports, children)), clock);
        register(() -> supervisor.stopAll(CHILD_STOP_GRACE));
        terminal.println("starting " + children.size() + " processes; their logs are in " + settings.logs());
        supervisor.startAll();
        try {
            supervisor.awaitReady(READY_TIMEOUT);
        } catch (NotReadyException e) {
            return fail(EXIT_FAILURE, e.getMessage());
        }
        writePlatformFile(redis, ports, children);
        Banner.lines(redis, ports, children, settings.logs(), settings.traffic()).forEach(terminal::println);
        if (settings.traffic()) {
            RedlineKeys keys = new RedlineKeys(settings.namespace());
            startExtra(new OrderTraffic(client, keys, catalog, clock, ORDER_INTERVAL), "the demo orders");
            startExtra(new BrowsingTraffic(httpPorts(children, Member.GATEWAY), catalog), "the demo browsing");
            startExtra(new ChatBots(httpPorts(children, Member.CHAT)), "the chat bots");
        }
        startExtra(new StatusReporter(terminal, new AdminPorts(adminPorts(children, Member.GATEWAY),
                adminPorts(children, Member.CHAT), adminPorts(children, Member.WORKERS), children.size()),
                supervisor::running, client, new RedlineKeys(settings.namespace()), clock), "the status line");
        new CountDownLatch(1).await();
        return 0;
    }

    private RedisInUse startOrFindRedis(PortLayout ports) throws IOException, InterruptedException {
        RedisSettings external = settings.externalRedis();
        if (external != null) {
            return new RedisInUse(settings.externalRedisUrl(), external, null, "REDIS_URL", null);
        }
        RedisBinary binary = RedisBinary.choose(environment.get("PATH"));
        Map<String, String> redisEnv = new LinkedHashMap<>();
        redisEnv.put("PATH", environment.getOrDefault("PATH", "/usr/bin:/bin"));
        LocalRedis local = LocalRedis.start(binary, ports.port(PortLayout.REDIS), settings.data(),
                settings.logs().resolve("redis.log"), redisEnv);
        register(local::stop);
        String source = binary.origin() + (settings.data() == null ? ", data in a temporary folder"
                : ", data kept in " + local.folder());
        return new RedisInUse(local.url(), RedisSettings.single(local.url()), local, source, null);
    }

    private static RedissonClient connect(RedisSettings redis) throws RedisUnavailableException {
        try {
            return Redisson.create(RedissonConfigs.create(redis, "redline-up"));
        } catch (RuntimeException e) {
            throw new RedisUnavailableException("Redis at " + redis.url() + " (REDIS_MODE="
                    + redis.mode().name().toLowerCase(Locale.ROOT) + ") does not answer: "
                    + e.getMessage());
        }
    }

    private List<String> command(Path jar, Member member) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.jvmOptions());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(member.args());
        return command;
    }

    private boolean startPart(Managed part, String what) {
        try {
            part.start();
            register(part::stop);
            return true;
        } catch (Exception e) {
            fail(EXIT_FAILURE, "cannot start " + what + ": " + e.getMessage());
            return false;
        }
    }

    /** A part the platform can do without: a failure is a warning, and the platform stays up. */
    private void startExtra(Managed part, String what) {
        try {
            part.start();
            register(part::stop);
        } catch (Exception e) {
            terminal.println("warning: cannot start " + what + ": " + e);
        }
    }

    /**
     * Remembers how to stop a part; if the shutdown hook already ran (a Ctrl-C during start-up), stops it at once,
     * so that nothing started late outlives the runner.
     */
    private void register(Stop stop) {
        synchronized (started) {
            if (!stopping) {
                started.push(stop);
                return;
            }
        }
        try {
            stop.stop();
        } catch (Exception e) {
            err.println("redline up: while stopping: " + e);
        }
    }

    private void writePlatformFile(RedisInUse redis, PortLayout ports, List<ChildProcess> children) {
        try {
            PlatformFile.write(settings.logs(), redis, ports, children);
        } catch (IOException e) {
            terminal.println("warning: cannot write " + PlatformFile.NAME + ": " + e.getMessage());
        }
    }

    private static List<Integer> httpPorts(List<ChildProcess> children, String module) {
        return children.stream().filter(child -> child.name().startsWith(module + "-"))
                .map(child -> Integer.valueOf(child.spec().environment().get("HTTP_PORT"))).toList();
    }

    private static List<Integer> adminPorts(List<ChildProcess> children, String module) {
        return children.stream().filter(child -> child.name().startsWith(module + "-"))
                .map(child -> child.spec().adminPort()).toList();
    }

    private int fail(int code, String message) {
        failed = true;
        err.println("redline up: " + message);
        return code;
    }

    /** The shutdown hook: stops what was started, newest first; after a signal, exits 0. */
    private void shutdown() {
        boolean anything;
        synchronized (started) {
            stopping = true;
            anything = !started.isEmpty();
            if (anything && !failed) {
                terminal.endStatus();
                terminal.println("stopping...");
            }
            while (!started.isEmpty()) {
                try {
                    started.pop().stop();
                } catch (Exception e) {
                    err.println("redline up: while stopping: " + e);
                }
            }
        }
        if (!failed) {
            if (anything) {
                terminal.println("stopped: every process and the Redis the runner started have exited");
            }
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
    }

    @FunctionalInterface
    private interface Stop {
        void stop() throws Exception;
    }
}
