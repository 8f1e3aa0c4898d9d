package io.redline.core.process;

/** A one-shot command for tests of its exit path: does nothing once connected, and prints how long it took. */
public final class OneShotTestCommand {

    private OneShotTestCommand() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        int code = OneShot.run("one-shot-test", (redis, keys, config) -> 0);
        System.out.println("took " + (System.nanoTime() - started) / 1_000_000 + " ms");
        System.exit(code);
    }
}
