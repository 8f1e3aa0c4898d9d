package io.redline.events.cli;

import io.redline.core.cli.Progress;
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

/** Rebuilds projections and aggregates from the stream, with its progress on standard error. */
@Command(name = "replay", description = "Rebuild projections and aggregates from the start of the stream.")
final class ReplayCommand implements Callable<Integer>, ReadsEnvironment {

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
            Progress progress = Progress.onStandardError("replay", "entries");
            long[] last = {0, 0};
            try {
                replayed = new Replay(redis, keys, Clock.systemUTC()).run((done, total) -> {
                    last[0] = done;
                    last[1] = total;
                    progress.update(done, total);
                }, overTrimmedHistory);
            } catch (TrimmedHistoryException e) {
                System.err.println(spec.qualifiedName(" ") + ": " + e.getMessage());
                return 1;
            }
            progress.finish(last[0], last[1]);
            System.out.println("{\"replayed\":" + replayed + "}");
            return 0;
        });
    }
}
