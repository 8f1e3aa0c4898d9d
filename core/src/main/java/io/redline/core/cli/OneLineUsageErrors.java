package io.redline.core.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** A bad option is one line naming it and where help is, then exit code 2; never the whole usage text. */
public final class OneLineUsageErrors implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName(" ");
        err.println(name + ": " + error.getMessage() + " (see: " + name + " --help)");
        err.flush();
        return CommandLines.EXIT_USAGE;
    }
}
