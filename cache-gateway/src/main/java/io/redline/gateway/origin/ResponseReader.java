package io.redline.gateway.origin;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;

/**
 * Reads one origin response without blocking: the whole body when it fits in the limit, else the first part of
 * it, leaving the rest on the connection as a {@link StreamedBody} for the request that sends it on.
 */
final class ResponseReader implements Response.ContentSourceListener, Response.CompleteListener {

    private final CompletableFuture<OriginResponse> result;
    private final int maxBufferedBytes;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private Response response;
    private Content.Source source;

    ResponseReader(CompletableFuture<OriginResponse> result, int maxBufferedBytes) {
        this.result = result;
        this.maxBufferedBytes = maxBufferedBytes;
    }

    @Override
    public void onContentSource(Response response, Content.Source source) {
        this.response = response;
        this.source = source;
        read();
    }

    /** Runs again on each demand; hands the source over as soon as the body is known to be too large. */
    private void read() {
        while (true) {
            Content.Chunk chunk = source.read();
            if (chunk == null) {
                source.demand(this::read);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                // a transient failure (an idle timeout) ends the exchange here as well: nobody would retry it
                source.fail(chunk.getFailure());
                result.completeExceptionally(chunk.getFailure());
                return;
            }
            ByteBuffer bytes = chunk.getByteBuffer();
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            head.write(copy, 0, copy.length);
            boolean last = chunk.isLast();
            chunk.release();
            if (last) {
                result.complete(answer(response, null));
                return;
            }
            if (head.size() > maxBufferedBytes) {
                result.complete(answer(response, new StreamedBody(source)));
                return;
            }
        }
    }

    /** The end of the exchange: its failure, or success for a response that had no body to read. */
    @Override
    public void onComplete(Result outcome) {
        if (outcome.isFailed()) {
            result.completeExceptionally(outcome.getFailure());
        } else if (!result.isDone()) {
            result.complete(answer(outcome.getResponse(), null));
        }
    }

    private OriginResponse answer(Response origin, StreamedBody rest) {
        return new OriginResponse(origin.getStatus(), headers(origin), head.toByteArray(), rest);
    }

    private static List<Header> headers(Response origin) {
        List<Header> headers = new ArrayList<>();
        String connection = origin.getHeaders().get(HttpHeader.CONNECTION);
        for (HttpField field : origin.getHeaders()) {
            if (!HopByHop.isHopByHop(field.getName(), connection)) {
                headers.add(new Header(field.getName(), field.getValue()));
            }
        }
        return headers;
    }
}
