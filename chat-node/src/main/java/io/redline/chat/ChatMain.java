package io.redline.chat;

import io.redline.chat.bench.ChatBench;
import io.redline.chat.identity.TokenCommand;
import io.redline.chat.node.ChatConfig;
import io.redline.chat.node.ChatNode;
import io.redline.core.cli.CommandLines;
import io.redline.core.cli.ReadsEnvironment;
import io.redline.core.config.ConfigReader;
import io.redline.core.process.CommonConfig;
import io.redline.core.process.ProcessMain;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar redline-chat-node.jar} runs a chat node; {@code ... bench [options]} runs the benchmark. */
@Command(name = "redline-chat-node",
        description = "A chat node: WebSocket rooms over Redis pub/sub, history and presence. Configured by"
                + " environment variables; without a command it runs until SIGTERM.",
        subcommands = {ChatBench.class, TokenCommand.class})
public final class ChatMain implements Callable<Integer>, ReadsEnvironment {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, as every Redline jar has it (see {@link CommandLines}). */
    public static CommandLine commandLine() {
        return CommandLines.create(new ChatMain());
    }

    @Override
    public void readEnvironment(ConfigReader reader) {
        CommonConfig.read(reader);
        ChatConfig.read(reader);
    }

    @Override
    public Integer call() {
        ProcessMain.run("chat-node", reader -> {
            ChatConfig config = ChatConfig.read(reader);
            return context -> new ChatNode(config, context).parts();
        });
        return 0;
    }
}
