package io.redline.events.cli;

import io.redline.core.cli.ReadsEnvironment;
import io.redline.core.config.ConfigReader;
import io.redline.core.process.CommonConfig;
import io.redline.core.process.ProcessMain;
import io.redline.events.WorkerConfig;
import io.redline.events.Workers;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code worker}, also what the jar runs without a command: a worker process until SIGTERM. */
@Command(name = "worker", description = "Run a worker process (the default): consumers of events:ecommerce, the"
        + " reaper and retention, with admin endpoints. Configured by environment variables only.")
public final class WorkerCommand implements Callable<Integer>, ReadsEnvironment {

    @Override
    public void readEnvironment(ConfigReader reader) {
        CommonConfig.read(reader);
        WorkerConfig.read(reader);
    }

    @Override
    public Integer call() {
        ProcessMain.run("event-workers", reader -> {
            WorkerConfig config = WorkerConfig.read(reader);
            return context -> new Workers(config, context).parts();
        });
        return 0;
    }
}
