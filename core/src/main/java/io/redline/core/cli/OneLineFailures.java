package io.redline.core.cli;

import io.redline.core.redis.RedisRefusal;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A command that fails with an exception prints one line naming the command and the error, exit code 1: a user
 * of a command line reads a sentence, not a stack trace.
 */
final class OneLineFailures implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception error, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName(" ") + ": failed: " + RedisRefusal.describe(error));
        err.flush();
        return CommandLines.EXIT_FAILURE;
    }
}
