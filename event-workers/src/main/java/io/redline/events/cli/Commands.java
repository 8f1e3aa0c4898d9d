package io.redline.events.cli;

import io.redline.core.cli.ReadsEnvironment;
import io.redline.core.config.ConfigReader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The top command; without a sub-command it is {@code worker}. */
@Command(name = "redline-event-workers",
        description = "Order events on Redis Streams. Without a command: run a worker process.",
        subcommands = {WorkerCommand.class, EmitCommand.class, SimulateCommand.class, ReplayCommand.class,
            DlqCommand.class, BenchCommand.class})
public final class Commands implements Callable<Integer>, ReadsEnvironment {

    private final WorkerCommand worker = new WorkerCommand();

    @Override
    public void readEnvironment(ConfigReader reader) {
        worker.readEnvironment(reader);
    }

    @Override
    public Integer call() {
        return worker.call();
    }
}
