package io.redline.deploy;

import io.redline.core.cli.CommandLines;
import io.redline.deploy.local.UpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar redline-deploy.jar up [options]}: what the {@code ./redline} script runs. */
@Command(name = "redline", mixinStandardHelpOptions = true, description = "Runs the Redline platform.", subcommands = UpCommand.class)
public final class DeployMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with one-line errors: exit 2 for bad usage, as every Redline command. */
    public static CommandLine commandLine() {
        return CommandLines.create(new DeployMain());
    }

    @Override
    public void run() {
        // "redline" alone: the sub-commands are what a user is looking for
        spec.commandLine().usage(System.err);
    }
}
