package io.redline.gateway.http;

import io.redline.gateway.origin.OriginResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The origin answers that one request's cache loads brought, so that a streamed body nobody sends on is aborted
 * rather than left holding the origin's connection: a background refresh that came back too large to store, a load
 * that arrived after the request had given up on it (504), or one the request did not use.
 */
final class LoadedAnswers {

    private final List<OriginResponse> open = new ArrayList<>();
    private boolean settled;
    private OriginResponse sent;

    /** A load's answer: kept until the request settles, or aborted at once if it already has. */
    synchronized void loaded(OriginResponse answer) {
        if (!answer.isStreamed()) {
            return;
        }
        if (!settled) {
            open.add(answer);
        } else if (answer != sent) {
            answer.discard();
        }
    }

    /** @param sent the answer the request sends to its client, or {@code null} for none of the loaded ones */
    synchronized void settle(OriginResponse sent) {
        settled = true;
        this.sent = sent;
        for (OriginResponse answer : open) {
            if (answer != sent) {
                answer.discard();
            }
        }
        open.clear();
    }
}
