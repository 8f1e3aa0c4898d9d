package io.redline.gateway;

import io.redline.core.process.ProcessMain;
import io.redline.gateway.bench.GatewayBench;
import java.util.Arrays;

/**
 * {@code java -jar redline-cache-gateway.jar} runs the gateway; {@code ... bench [options]} runs the benchmark
 * against {@code REDIS_URL}.
 */
public final class GatewayMain {

    private GatewayMain() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("bench")) {
            System.exit(GatewayBench.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0) {
            System.err.println("usage: redline-cache-gateway [bench [--concurrency N] [--seconds S] [--json]]");
            System.exit(ProcessMain.EXIT_CONFIG);
        }
        ProcessMain.run("cache-gateway", reader -> {
            GatewayConfig config = GatewayConfig.read(reader);
            return context -> new Gateway(config, context).parts();
        });
    }
}
