package io.redline.events;

import io.redline.core.cli.CommandLines;
import io.redline.events.cli.Commands;
import picocli.CommandLine;

/**
 * {@code java -jar redline-event-workers.jar [worker|emit|simulate|replay|dlq|bench]}; without a command, a
 * worker process.
 */
public final class EventsMain {

    private EventsMain() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, as every Redline jar has it (see {@link CommandLines}). */
    public static CommandLine commandLine() {
        return CommandLines.create(new Commands());
    }
}
