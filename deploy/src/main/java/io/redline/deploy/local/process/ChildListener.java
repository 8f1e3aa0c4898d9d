package io.redline.deploy.local.process;

import java.time.Duration;
import java.util.List;

/** What the {@link Supervisor} tells about its children while the platform runs. */
public interface ChildListener {

    /**
     * A child ended without being asked to.
     *
     * @param restartIn when it will be started again, or {@code null} when it will not
     */
    void died(ChildProcess child, int exitCode, List<String> logTail, Duration restartIn);

    void restarted(ChildProcess child);
}
