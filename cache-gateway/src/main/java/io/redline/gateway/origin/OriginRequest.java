package io.redline.gateway.origin;

import java.util.List;
import org.eclipse.jetty.io.Content;

/**
 * What to ask the origin.
 *
 * @param method the HTTP method
 * @param pathAndQuery the raw path and query as the client sent them (Jetty's parse), passed on unchanged
 * @param headers every header to send, the proxy's own included ({@link ProxyHeaders}); hop-by-hop ones are dropped
 * @param body the request body, streamed to the origin as it arrives, or {@code null} for none
 */
public record OriginRequest(String method, String pathAndQuery, List<Header> headers, Content.Source body) {

    public OriginRequest {
        headers = List.copyOf(headers);
    }
}
