package io.redline.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.core.cli.CommandLines;
import io.redline.core.cli.ReadsEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A jar's command line run in this JVM with captured output: nothing reaches {@code System.exit}, so a test can
 * walk every command and sub-command. {@link #assertEveryCommandHasHelpAndVersion} is the contract every jar
 * keeps (see docs/configuration.md).
 *
 * @param exitCode what {@code main} would exit with
 * @param out standard output
 * @param err standard error
 */
public record CommandLineRun(int exitCode, String out, String err) {

    /** Runs {@code args} on a fresh command line from {@code factory}. */
    public static CommandLineRun of(Supplier<CommandLine> factory, String... args) {
        CommandLine line = factory.get();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int code = line.execute(args);
        return new CommandLineRun(code, out.toString(), err.toString());
    }

    /** The names leading to every command below the root (the root itself is the empty path). */
    public static List<List<String>> commandPaths(CommandLine root) {
        List<List<String>> paths = new ArrayList<>();
        collect(root, new ArrayList<>(), paths);
        return paths;
    }

    /**
     * For the root and every sub-command: {@code --help} exits 0 with nothing on standard error and lists every
     * option, every parameter and, for a command that reads the environment, every variable it reads;
     * {@code -h} does the same; {@code --version} and {@code -V} exit 0 and print the version.
     */
    public static void assertEveryCommandHasHelpAndVersion(Supplier<CommandLine> factory) {
        for (List<String> path : commandPaths(factory.get())) {
            CommandLine command = commandAt(factory.get(), path);
            for (String help : List.of("--help", "-h")) {
                CommandLineRun run = of(factory, with(path, help));
                String what = String.join(" ", with(path, help));
                assertEquals(0, run.exitCode(), what + ": " + run.err());
                assertEquals("", run.err(), what);
                assertTrue(run.out().startsWith("Usage: "), what + ": " + run.out());
                for (OptionSpec option : command.getCommandSpec().options()) {
                    assertTrue(run.out().contains(option.longestName()), what + " lists " + option.longestName()
                            + ":\n" + run.out());
                }
                for (PositionalParamSpec parameter : command.getCommandSpec().positionalParameters()) {
                    assertTrue(run.out().contains(parameter.paramLabel()), what + " lists " + parameter.paramLabel());
                }
                if (command.getCommandSpec().userObject() instanceof ReadsEnvironment) {
                    List<String> variables = CommandLines.variablesRead(
                            (ReadsEnvironment) command.getCommandSpec().userObject());
                    assertTrue(run.out().contains("Environment variables read"), what + ":\n" + run.out());
                    assertTrue(!variables.isEmpty(), what + " reads some variable");
                    for (String variable : variables) {
                        assertTrue(run.out().contains(variable), what + " lists " + variable + ":\n" + run.out());
                    }
                }
            }
            for (String version : List.of("--version", "-V")) {
                CommandLineRun run = of(factory, with(path, version));
                String what = String.join(" ", with(path, version));
                assertEquals(0, run.exitCode(), what + ": " + run.err());
                assertTrue(run.out().matches("redline\\S* \\S.*\\R"), what + " prints the version: " + run.out());
            }
        }
    }

    /** Asserts exit code 2 and one line on standard error, and returns that line. */
    public String usageErrorLine() {
        assertEquals(2, exitCode, "exit code; stderr: " + err);
        assertEquals("", out, "standard output");
        assertEquals(1, err.lines().count(), "one line: " + err);
        return err.strip();
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().name().equals(name)) {
                List<String> deeper = new ArrayList<>(path);
                deeper.add(name);
                collect(sub, deeper, paths);
            }
        });
    }

    private static CommandLine commandAt(CommandLine root, List<String> path) {
        CommandLine command = root;
        for (String name : path) {
            command = command.getSubcommands().get(name);
        }
        return command;
    }

    private static String[] with(List<String> path, String last) {
        List<String> args = new ArrayList<>(path);
        args.add(last);
        return args.toArray(new String[0]);
    }
}
