package io.redline.deploy.local.status;

import java.io.PrintStream;

/**
 * The runner's output. On a terminal the status line is redrawn in place and other lines are printed above it;
 * elsewhere (a file, a pipe) every status is a line of its own and no control character is written.
 */
public final class Terminal {

    private static final String CLEAR_LINE = "\r\033[2K";

    private final PrintStream out;
    private final boolean live;
    private String status = "";

    public Terminal(PrintStream out, boolean live) {
        this.out = out;
        this.live = live;
    }

    /** A terminal only when both standard input and output are one (what {@code System.console()} tells). */
    public static Terminal system() {
        return new Terminal(System.out, System.console() != null);
    }

    public boolean live() {
        return live;
    }

    public synchronized void println(String line) {
        if (live && !status.isEmpty()) {
            out.print(CLEAR_LINE);
        }
        out.println(line);
        if (live && !status.isEmpty()) {
            out.print(status);
        }
        out.flush();
    }

    public synchronized void status(String line) {
        if (live) {
            out.print(CLEAR_LINE + line);
        } else {
            out.println(line);
        }
        status = line;
        out.flush();
    }

    /** Leaves the status line as it is and goes on below it. */
    public synchronized void endStatus() {
        if (live && !status.isEmpty()) {
            out.println();
        }
        status = "";
        out.flush();
    }
}
