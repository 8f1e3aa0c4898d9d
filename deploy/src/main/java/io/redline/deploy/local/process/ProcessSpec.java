package io.redline.deploy.local.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One child process of the platform.
 *
 * @param name unique and stable, e.g. {@code cache-gateway-1}; names the log file
 * @param command the whole command line
 * @param environment exactly the variables the child gets
 * @param adminPort where {@code /health/ready} answers, or 0 when the child has no admin server
 * @param log the file its standard output and error go to
 */
public record ProcessSpec(String name, List<String> command, Map<String, String> environment, int adminPort,
                          Path log) {

    public ProcessSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
