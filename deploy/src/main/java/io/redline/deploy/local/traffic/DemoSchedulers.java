package io.redline.deploy.local.traffic;

import io.redline.core.lifecycle.NamedThreadFactory;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** The demo traffic's timers: on stop, what was scheduled for later is dropped, not waited for. */
final class DemoSchedulers {

    private DemoSchedulers() {
    }

    static ScheduledExecutorService named(String name) {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, new NamedThreadFactory(name, true));
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }
}
