package io.redline.deploy.local;

import io.redline.deploy.local.process.ChildListener;
import io.redline.deploy.local.process.ChildProcess;
import io.redline.deploy.local.status.Terminal;
import java.time.Duration;
import java.util.List;

/** Tells at once, above the status line, that a process died, with the end of its log, and when it restarts. */
final class DeathReport implements ChildListener {

    private final Terminal terminal;
    private final Runnable afterRestart;

    /** @param afterRestart what to refresh once a process has a new PID ({@code platform.json}) */
    DeathReport(Terminal terminal, Runnable afterRestart) {
        this.terminal = terminal;
        this.afterRestart = afterRestart;
    }

    @Override
    public void died(ChildProcess child, int exitCode, List<String> logTail, Duration restartIn) {
        StringBuilder report = new StringBuilder();
        report.append("! ").append(child.name()).append(" (pid ").append(child.pid()).append(") exited with code ")
                .append(exitCode).append("; the end of ").append(child.spec().log()).append(':');
        logTail.forEach(line -> report.append("\n    ").append(line));
        report.append('\n').append(restartIn == null
                ? "  it stays down (start with --restart to have processes restarted)"
                : "  restarting it in " + restartIn.toSeconds() + " s");
        terminal.println(report.toString());
    }

    @Override
    public void restarted(ChildProcess child) {
        terminal.println("! " + child.name() + " restarted (pid " + child.pid() + ")");
        afterRestart.run();
    }
}
