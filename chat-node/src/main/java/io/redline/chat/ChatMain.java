package io.redline.chat;

import io.redline.chat.bench.ChatBench;
import io.redline.core.process.ProcessMain;
import java.util.Arrays;

/** {@code java -jar redline-chat-node.jar} runs a chat node; {@code ... bench [options]} runs the benchmark. */
public final class ChatMain {

    private ChatMain() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("bench")) {
            System.exit(ChatBench.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0) {
            System.err.println("usage: redline-chat-node [bench [--clients N] [--senders S] [--rate M]"
                    + " [--seconds S] [--json]]");
            System.exit(ProcessMain.EXIT_CONFIG);
        }
        ProcessMain.run("chat-node", reader -> {
            ChatConfig config = ChatConfig.read(reader);
            return context -> new ChatNode(config, context).parts();
        });
    }
}
