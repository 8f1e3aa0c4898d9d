package io.redline.chat;

import io.redline.core.process.ProcessMain;

/** {@code java -jar redline-chat-node.jar} runs a chat node. */
public final class ChatMain {

    private ChatMain() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            System.err.println("usage: redline-chat-node (configured by environment variables only)");
            System.exit(ProcessMain.EXIT_CONFIG);
        }
        ProcessMain.run("chat-node", reader -> {
            ChatConfig config = ChatConfig.read(reader);
            return context -> new ChatNode(config, context).parts();
        });
    }
}
