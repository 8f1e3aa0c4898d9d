package io.redline.gateway;

import io.redline.core.cli.CommandLines;
import io.redline.core.cli.ReadsEnvironment;
import io.redline.core.config.ConfigReader;
import io.redline.core.process.CommonConfig;
import io.redline.core.process.ProcessMain;
import io.redline.gateway.bench.GatewayBench;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar redline-cache-gateway.jar} runs the gateway; {@code ... bench [options]} runs the benchmark
 * against {@code REDIS_URL}.
 */
@Command(name = "redline-cache-gateway",
        description = "The caching, rate-limiting HTTP gateway in front of ORIGIN_URL. Configured by environment"
                + " variables; without a command it runs until SIGTERM.",
        subcommands = GatewayBench.class)
public final class GatewayMain implements Callable<Integer>, ReadsEnvironment {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, as every Redline jar has it (see {@link CommandLines}). */
    public static CommandLine commandLine() {
        return CommandLines.create(new GatewayMain());
    }

    @Override
    public void readEnvironment(ConfigReader reader) {
        CommonConfig.read(reader);
        GatewayConfig.read(reader);
    }

    @Override
    public Integer call() {
        ProcessMain.run("cache-gateway", reader -> {
            GatewayConfig config = GatewayConfig.read(reader);
            return context -> new Gateway(config, context).parts();
        });
        return 0;
    }
}
