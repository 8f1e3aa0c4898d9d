package io.redline.core.lifecycle;

/**
 * A long-lived part of a process. {@code start} is called once in wiring order; {@code stop} once in reverse
 * order, and must hand back or finish in-flight work within the process's shutdown grace.
 */
public interface Managed {

    void start() throws Exception;

    void stop() throws Exception;
}
