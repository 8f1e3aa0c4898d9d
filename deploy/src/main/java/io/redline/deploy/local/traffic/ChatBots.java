package io.redline.deploy.local.traffic;

import io.redline.core.lifecycle.ExecutorShutdown;
import io.redline.core.lifecycle.Managed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** Four bots, two in {@code general} and two in {@code deals}, spread over the chat-nodes. */
public final class ChatBots implements Managed {

    static final String[][] BOTS = {
        {"bot-ada", "Ada (bot)", "general"},
        {"bot-grace", "Grace (bot)", "general"},
        {"bot-linus", "Linus (bot)", "deals"},
        {"bot-margaret", "Margaret (bot)", "deals"},
    };

    private final List<Integer> chatPorts;
    private final List<ChatBot> bots = new ArrayList<>();
    private WebSocketClient client;
    private ScheduledExecutorService scheduler;

    public ChatBots(List<Integer> chatPorts) {
        this.chatPorts = List.copyOf(chatPorts);
    }

    @Override
    public synchronized void start() throws Exception {
        client = new WebSocketClient();
        client.start();
        scheduler = DemoSchedulers.named("demo-chat");
        for (int i = 0; i < BOTS.length; i++) {
            String[] bot = BOTS[i];
            ChatBot chatBot = new ChatBot(client, scheduler, chatPorts.get(i % chatPorts.size()), bot[0], bot[1],
                    bot[2]);
            bots.add(chatBot);
            chatBot.connect();
        }
    }

    @Override
    public synchronized void stop() throws Exception {
        bots.forEach(ChatBot::stop);
        if (scheduler != null) {
            ExecutorShutdown.shutdown("demo-chat", scheduler, Duration.ofSeconds(1));
        }
        if (client != null) {
            client.stop();
        }
    }
}
