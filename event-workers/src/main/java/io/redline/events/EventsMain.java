package io.redline.events;

import io.redline.core.process.ProcessMain;
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
        if (args.length == 0 || args[0].equals("worker")) {
            if (args.length > 1) {
                System.err.println("worker takes no arguments; it is configured by environment variables");
                System.exit(ProcessMain.EXIT_CONFIG);
            }
            ProcessMain.run("event-workers", reader -> {
                WorkerConfig config = WorkerConfig.read(reader);
                return context -> new Workers(config, context).parts();
            });
            return;
        }
        System.exit(new CommandLine(new Commands()).setExitCodeExceptionMapper(e -> ProcessMain.EXIT_CONFIG)
                .execute(args));
    }
}
