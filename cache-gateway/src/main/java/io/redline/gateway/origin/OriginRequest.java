package io.redline.gateway.origin;

import java.io.InputStream;
import java.util.List;

/**
 * What to ask the origin.
 *
 * @param method the HTTP method
 * @param pathAndQuery the raw path and query of the client's request
 * @param headers end-to-end headers to forward (the client's, already filtered)
 * @param body the request body, or {@code null} for none
 * @param clientAddress the client's address, appended to {@code X-Forwarded-For}
 * @param priorForwardedFor the {@code X-Forwarded-For} the request arrived with, or {@code null}
 */
public record OriginRequest(String method, String pathAndQuery, List<Header> headers, InputStream body,
                            String clientAddress, String priorForwardedFor) {

    public OriginRequest {
        headers = List.copyOf(headers);
    }
}
