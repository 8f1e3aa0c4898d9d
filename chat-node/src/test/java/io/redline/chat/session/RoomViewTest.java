package io.redline.chat.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.chat.message.ChatHistory;
import io.redline.chat.message.ChatMessage;
import io.redline.chat.protocol.ServerFrames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What one socket is sent of one room, whichever order the history read and the live messages arrive in. */
class RoomViewTest {

    private final RoomView view = new RoomView();
    /** What the client was sent, one line a frame: {@code history [ids]} or {@code message id}. */
    private final List<String> sent = new ArrayList<>();

    @Test
    void theHistoryComesFirstAndAHeldLiveMessageItHadIsNotSentAgain() {
        deliver("m3");
        open(null, "m1", "m2", "m3");
        deliver("m4");
        assertEquals(List.of("history [m1, m2, m3]", "message m4"), sent);
    }

    @Test
    void aLiveMessagePublishedAfterTheHistoryReadFollowsTheHistory() {
        deliver("m4");
        open(null, "m1", "m2", "m3");
        assertEquals(List.of("history [m1, m2, m3]", "message m4"), sent);
    }

    @Test
    void nothingIsSentBeforeTheHistoryFrame() {
        deliver("m1");
        deliver("m2");
        assertEquals(List.of(), sent);
    }

    @Test
    void withSinceOnlyTheMessagesAfterItAreShownAndAnUnknownIdShowsAll() {
        open("m2", "m1", "m2", "m3");
        assertEquals(List.of("history [m3]"), sent);
        assertEquals(history("m1", "m2", "m3"), RoomView.after(history("m1", "m2", "m3"), ids("m1", "m2", "m3"),
                "m0"));
        assertEquals(history(), RoomView.after(history("m1", "m2", "m3"), ids("m1", "m2", "m3"), "m3"));
    }

    @Test
    void heldMessagesTrimmedFromTheHistoryBeforeItWasReadComeBeforeIt() {
        // m1 and m2 were published after the subscription, then pushed out of the history by newer messages
        deliver("m1");
        deliver("m2");
        deliver("m3");
        open(null, "m3");
        assertEquals(List.of("history [m1, m2, m3]"), sent);
    }

    @Test
    void aLiveMessageDeliveredTwiceIsSentOnce() {
        open(null);
        deliver("m1");
        deliver("m1");
        assertEquals(List.of("history []", "message m1"), sent);
    }

    @Test
    void aCatchUpSendsWhatTheHistoryHasThatTheClientMissedThenWhatWasHeld() {
        open(null, "m1");
        view.hold();
        deliver("m4");
        deliver("m3");
        assertEquals(2, view.catchUp(history("m1", "m2", "m3"), sent()));
        assertEquals(List.of("history [m1]", "message m2", "message m3", "message m4"), sent);
    }

    @Test
    void liveMessagesStayHeldUntilTheLastOfOverlappingCatchUps() {
        open(null);
        view.hold();
        view.hold();
        deliver("m2");
        assertEquals(1, view.catchUp(history("m1"), sent()));
        assertEquals(List.of("history []", "message m1"), sent);
        assertEquals(0, view.catchUp(history("m1"), sent()));
        assertEquals(List.of("history []", "message m1", "message m2"), sent);
    }

    @Test
    void aCatchUpDuringTheJoinIsSentRightAfterTheHistory() {
        view.hold();
        deliver("m3");
        assertEquals(0, view.catchUp(history("m1", "m2"), sent()), "nothing is sent before the history");
        open(null, "m1");
        assertEquals(List.of("history [m1]", "message m2", "message m3"), sent);
    }

    @Test
    void anUnreadableHistoryEntryIsSkippedInACatchUp() {
        open(null);
        view.hold();
        assertEquals(1, view.catchUp(List.of("not a message", json("m1")), sent()));
        assertEquals(List.of("history []", "message m1"), sent);
    }

    @Test
    void everyMessageTheHistoryCanStillReturnIsRememberedAsHad() {
        String[] all = IntStream.rangeClosed(1, ChatHistory.SIZE).mapToObj(i -> "m" + i).toArray(String[]::new);
        open(null, all);
        view.hold();
        assertEquals(0, view.catchUp(history(all), sent()), "the client has had them all");
    }

    private void deliver(String id) {
        String json = json(id);
        view.deliver(id, json, ServerFrames.message(json), sent());
    }

    private void open(String since, String... ids) {
        view.open(history(ids), ids(ids), since, shown -> "history " + shown.stream()
                .map(json -> ChatMessage.parse(json).id()).collect(Collectors.toList()), sent());
    }

    /** Records each frame as a line; a message frame by the id of its message. */
    private Consumer<String> sent() {
        return frame -> sent.add(frame.startsWith("{\"type\":\"message\"")
                ? "message " + ChatMessage.parse(frame.substring(frame.indexOf(":{") + 1, frame.length() - 1)).id()
                : frame);
    }

    private static List<String> history(String... ids) {
        return Arrays.stream(ids).map(RoomViewTest::json).collect(Collectors.toList());
    }

    private static List<String> ids(String... ids) {
        return List.of(ids);
    }

    private static String json(String id) {
        return new ChatMessage(id, "lobby", "ann", "Ann", "text of " + id, 1_732_600_000_000L).toJson();
    }
}
