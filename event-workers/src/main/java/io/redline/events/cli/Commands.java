package io.redline.events.cli;

import picocli.CommandLine.Command;

/** The top command; {@code worker} is handled before picocli, as the process it is. */
@Command(name = "redline-event-workers", mixinStandardHelpOptions = true,
        description = "Order events on Redis Streams. Without a command: run a worker process.",
        subcommands = {EmitCommand.class, SimulateCommand.class, ReplayCommand.class, DlqCommand.class,
            BenchCommand.class})
public final class Commands {
}
