package io.redline.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.core.keys.KeyNamespace;
import io.redline.core.keys.RedlineKeys;
import io.redline.testkit.RawRedis;
import io.redline.testkit.RedisClusterExtension;
import io.redline.testkit.RedisProcess;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The cross-node scenario on a real Redis Cluster: sharded pub/sub, traffic on the shard that owns the room. */
class ClusterCrossNodeTest {

    @RegisterExtension
    static final RedisClusterExtension CLUSTER = new RedisClusterExtension(0);

    private static RunningChatNode nodeA;
    private static RunningChatNode nodeB;

    @BeforeAll
    static void startNodes() throws Exception {
        nodeA = new RunningChatNode(CLUSTER.settings(), Map.of("CHAT_SEND_LIMIT", "1000"));
        nodeB = new RunningChatNode(CLUSTER.settings(), Map.of("CHAT_SEND_LIMIT", "1000"));
    }

    @AfterAll
    static void stopNodes() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void aMessageReachesEveryClientOfTheRoomOnBothNodesOnceInSendOrder() throws Exception {
        CrossNodeDeliveryTest.CrossNode.assertDelivery(nodeA, nodeB, "sharded");
    }

    @Test
    void roomsUseShardedChannelsOnTheShardThatOwnsThem() throws Exception {
        String channel = new RedlineKeys(KeyNamespace.NONE).chatRoomChannel("owned");
        try (TestChatClient client = TestChatClient.connect(nodeA.ws("owner", "Owner"))) {
            client.join("owned");
            long subscribers = 0;
            long classic = 0;
            for (RedisProcess node : CLUSTER.nodes()) {
                List<?> sharded = (List<?>) RawRedis.once(node.port(), "PUBSUB", "SHARDNUMSUB", channel);
                subscribers += (Long) sharded.get(1);
                classic += (Long) ((List<?>) RawRedis.once(node.port(), "PUBSUB", "NUMSUB", channel)).get(1);
            }
            assertEquals(1, subscribers, "one sharded subscription, on the owning shard");
            assertEquals(0, classic, "no classic subscription anywhere");
        }
    }
}
