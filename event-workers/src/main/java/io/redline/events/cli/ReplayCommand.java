package io.redline.events.cli;

import io.redline.core.cli.ReadsEnvironment;
import io.redline.core.config.ConfigReader;
import io.redline.core.process.CommonConfig;
import io.redline.core.process.OneShot;
import io.redline.events.replay.Replay;
import io.redline.events.replay.TrimmedHistoryException;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Rebuilds projections and aggregates from the stream, with a progress bar on standard error. */
@Command(name = "replay", description = "Rebuild projections and aggregates from the start of the stream.")
final class ReplayCommand implements Callable<Integer>, ReadsEnvironment {

    private static final int BAR = 30;

    @Spec
    CommandSpec spec;

    @Option(names = "--over-trimmed-history", description = "replay even when the stream lost entries (trimmed by"
            + " STREAM_RETENTION, or deleted): the totals of the lost events vanish from the live keys")
    boolean overTrimmedHistory;

    @Override
    public void readEnvironment(ConfigReader reader) {
        CommonConfig.read(reader);
    }

    @Override
    public Integer call() {
        return OneShot.run(spec.qualifiedName(" "), (redis, keys, config) -> {
            long replayed;
            try {
                replayed = new Replay(redis, keys, Clock.systemUTC()).run((done, total) -> {
                    long filled = total == 0 ? BAR : Math.min(BAR, done * BAR / total);
                    System.err.printf("\rreplay [%s%s] %3d%% %d/%d entries", "#".repeat((int) filled),
                            " ".repeat(BAR - (int) filled), total == 0 ? 100 : done * 100 / total, done, total);
                }, overTrimmedHistory);
            } catch (TrimmedHistoryException e) {
                System.err.println(spec.qualifiedName(" ") + ": " + e.getMessage());
                return 1;
            }
            System.err.println();
            System.out.println("{\"replayed\":" + replayed + "}");
            return 0;
        });
    }
}
