package io.redline.deploy.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testkit.FreePorts;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input stops the runner before it starts anything: one line naming the problem, exit code 2. */
class RunnerBadInputIT {

    @Test
    void anUnknownFlagIsNamed() throws Exception {
        assertRefused(Map.of(), "redline up: Unknown option: '--bogus' (see: redline up --help)", "--bogus");
    }

    @Test
    void aDataFolderThatCannotBeWrittenIsNamed() throws Exception {
        Path file = Files.createTempFile("not-a-folder-", ".txt");
        assertRefused(Map.of(), "redline up: --data " + file + " is not a writable folder: a file of that name is"
                + " in the way", "--data", file.toString());
    }

    @Test
    void aRedisUrlThatDoesNotAnswerIsNamedWithoutStartingAnything() throws Exception {
        int nobody = FreePorts.find();
        String stderr = run(Map.of("REDIS_URL", "redis://127.0.0.1:" + nobody), 2);
        assertEquals(1, stderr.lines().count(), stderr);
        assertTrue(stderr.startsWith("redline up: Redis at redis://127.0.0.1:" + nobody + "/0 (REDIS_MODE=single)"
                + " does not answer: "), stderr);
    }

    @Test
    void aTakenPortOfAFixedLayoutIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            int base = FreePorts.findRange(2);
            taken.bind(new InetSocketAddress(base + 1));
            assertRefused(Map.of(), "redline up: port " + taken.getLocalPort() + " (--port-base " + base
                    + " + 1, for demo-origin) is in use; pick another --port-base", "--port-base",
                    String.valueOf(base));
        }
    }

    @Test
    void everyBadOptionIsReportedAtOnce() throws Exception {
        String stderr = run(Map.of("REDIS_MODE", "clustre", "REDIS_URL", "redis://127.0.0.1:1"), 2,
                "--gateways", "0", "--workers", "9");
        assertEquals(List.of(
                "redline up: --gateways must be from 1 to 8, but was 0",
                "redline up: --workers must be from 1 to 8, but was 9",
                "redline up: REDIS_MODE=\"clustre\" is invalid: must be one of single, cluster, sentinel"),
                stderr.lines().toList());
    }

    private static void assertRefused(Map<String, String> env, String line, String... args) throws Exception {
        assertEquals(line, run(env, 2, args).strip());
    }

    /** Runs the runner, checks its exit code, and that it left no process behind; returns its stderr. */
    private static String run(Map<String, String> env, int expectedExit, String... args) throws Exception {
        Path logs = Files.createTempDirectory("redline-up-bad-");
        Map<String, String> withPath = new HashMap<>(env);
        withPath.put("PATH", System.getenv("PATH"));
        try (RunnerProcess runner = RunnerProcess.start(logs, withPath, args)) {
            assertEquals(expectedExit, runner.waitFor(Duration.ofSeconds(60)), runner.stderr());
            assertFalse(Files.exists(logs.resolve("platform.json")), "nothing may have started");
            assertEquals(List.of(), Files.list(logs).filter(file -> file.toString().endsWith(".log")
                    && !file.getFileName().toString().equals("redline-up.log")).toList(), "no process was started");
            return runner.stderr();
        }
    }
}
