package io.redline.core.process;

import io.redline.core.lifecycle.Managed;
import java.util.List;
import java.util.Map;
import org.redisson.api.stream.StreamAddArgs;

/** A process whose one part writes to Redis when it starts: started as a user that may not, it cannot start. */
public final class RefusedTestProcess {

    private RefusedTestProcess() {
    }

    public static void main(String[] args) {
        ProcessMain.run("refused-test", reader -> context -> List.of(new Managed() {
            @Override
            public void start() {
                context.redis().getStream(context.keys().eventStream())
                        .add(StreamAddArgs.entries(Map.of("type", "order.created")));
            }

            @Override
            public void stop() {
                // nothing was started
            }
        }));
    }
}
