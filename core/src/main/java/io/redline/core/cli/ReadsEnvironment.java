package io.redline.core.cli;

import io.redline.core.config.ConfigReader;

/**
 * A command that reads environment variables. {@code --help} lists what {@link #readEnvironment} asks the reader
 * for, so a command implements it with the same calls its configuration is read with.
 */
@FunctionalInterface
public interface ReadsEnvironment {

    void readEnvironment(ConfigReader reader);
}
