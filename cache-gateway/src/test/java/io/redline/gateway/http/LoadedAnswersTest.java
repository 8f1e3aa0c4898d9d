package io.redline.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.redline.gateway.origin.OriginResponse;
import io.redline.gateway.origin.StreamedBody;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.junit.jupiter.api.Test;

class LoadedAnswersTest {

    @Test
    void aStreamedAnswerTheRequestDoesNotSendIsAbortedAndTheOneItSendsIsLeftAlone() {
        Content.Source sentBody = body();
        Content.Source droppedBody = body();
        OriginResponse sent = streamed(sentBody);
        LoadedAnswers answers = new LoadedAnswers();
        answers.loaded(sent);
        answers.loaded(streamed(droppedBody));
        answers.settle(sent);
        assertEquals(false, Content.Chunk.isFailure(sentBody.read()), "still to be read by the request");
        assertEquals(true, Content.Chunk.isFailure(droppedBody.read()), "aborted");
    }

    @Test
    void aStreamedAnswerThatArrivesAfterTheRequestWasAnsweredIsAbortedAtOnce() {
        // a background refresh of a stale entry that came back too large to store, or a load after a 504
        LoadedAnswers answers = new LoadedAnswers();
        answers.settle(null);
        Content.Source late = body();
        answers.loaded(streamed(late));
        assertEquals(true, Content.Chunk.isFailure(late.read()));
    }

    private static Content.Source body() {
        return new ByteBufferContentSource(ByteBuffer.wrap(new byte[] {1, 2, 3}));
    }

    private static OriginResponse streamed(Content.Source rest) {
        return new OriginResponse(200, List.of(), new byte[] {0}, new StreamedBody(rest));
    }
}
