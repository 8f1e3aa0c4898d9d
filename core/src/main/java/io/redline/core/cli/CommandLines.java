package io.redline.core.cli;

import io.redline.core.config.ConfigReader;
import io.redline.core.config.Env;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Builds the command line of a Redline jar so that every command and sub-command behaves alike, whether or not
 * its class remembered to ask for it: {@code -h/--help} (exit 0) lists its options and, for a
 * {@link ReadsEnvironment} command, the environment variables it reads; {@code -V/--version} prints the jar's
 * version; a bad option or value is one line, exit {@value #EXIT_USAGE}; a command that throws is one line, exit
 * {@value #EXIT_FAILURE}.
 */
public final class CommandLines {

    /** Bad usage: an unknown option, a bad value, a bad environment variable. */
    public static final int EXIT_USAGE = 2;
    /** The command could not do its work. */
    public static final int EXIT_FAILURE = 1;

    private static final String ENVIRONMENT_HEADING = "%nEnvironment variables read (see docs/configuration.md):%n";
    private static final int LINE = 78;

    private CommandLines() {
    }

    public static CommandLine create(Object command) {
        CommandLine line = new CommandLine(command);
        standardize(line);
        return line.setParameterExceptionHandler(new OneLineUsageErrors())
                .setExecutionExceptionHandler(new OneLineFailures());
    }

    /** Runs the command line; returns the exit code. */
    public static int execute(Object command, String... args) {
        return create(command).execute(args);
    }

    /** The variables a command reads, in the order it reads them: what its {@code --help} lists. */
    public static List<String> variablesRead(ReadsEnvironment command) {
        ConfigReader reader = new ConfigReader(Env.of(Map.of()));
        command.readEnvironment(reader);
        return reader.variablesAsked();
    }

    private static void standardize(CommandLine line) {
        CommandSpec spec = line.getCommandSpec();
        if (!spec.mixinStandardHelpOptions()) {
            spec.mixinStandardHelpOptions(true);
        }
        spec.versionProvider(new ManifestVersion());
        if (spec.userObject() instanceof ReadsEnvironment) {
            spec.usageMessage().footerHeading(ENVIRONMENT_HEADING)
                    .footer(wrap(variablesRead((ReadsEnvironment) spec.userObject())));
        }
        line.getSubcommands().values().forEach(CommandLines::standardize);
    }

    private static String[] wrap(List<String> names) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder("  ");
        for (String name : names) {
            if (current.length() > 2 && current.length() + name.length() + 2 > LINE) {
                lines.add(current.append(',').toString());
                current = new StringBuilder("  ");
            }
            current.append(current.length() > 2 ? ", " : "").append(name);
        }
        lines.add(current.toString());
        return lines.toArray(new String[0]);
    }
}
