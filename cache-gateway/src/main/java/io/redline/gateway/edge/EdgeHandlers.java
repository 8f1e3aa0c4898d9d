package io.redline.gateway.edge;

import io.redline.gateway.metrics.GatewayMetrics;
import java.util.List;
import org.eclipse.jetty.compression.gzip.GzipCompression;
import org.eclipse.jetty.compression.server.CompressionConfig;
import org.eclipse.jetty.compression.server.CompressionHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;

/**
 * The handlers every request passes before the gateway's own: the bound on requests in flight (503 beyond it and
 * its queue, {@link LoadShedding}), the method filter (405 for methods other than those of
 * {@link MethodFilter#ALLOWED}), the request body limit (413), then gzip compression of answers for clients that
 * accept it.
 *
 * <p>Compression happens on the way out, so stored bodies stay uncompressed and one entry serves every client.
 * An answer that already has a {@code Content-Encoding} (an origin's compressed answer, forwarded) is passed as it
 * is; answers shorter than {@link #MIN_COMPRESS_BYTES} or of a type not listed in {@link #COMPRESSIBLE} are not
 * compressed. Every answer of a compressible type gets {@code Vary: Accept-Encoding}.
 */
public final class EdgeHandlers {

    /** Below this size, gzip's header and the work cost more than they save. */
    public static final int MIN_COMPRESS_BYTES = 256;
    /** The types worth compressing: text. Images, audio, video, fonts and archives are compressed already. */
    public static final List<String> COMPRESSIBLE = List.of("text/html", "text/plain", "text/css", "text/csv",
            "text/javascript", "text/xml", "application/javascript", "application/json", "application/ld+json",
            "application/manifest+json", "application/problem+json", "application/xml", "application/xhtml+xml",
            "application/rss+xml", "application/atom+xml", "image/svg+xml", "application/wasm");

    private EdgeHandlers() {
    }

    /** {@code gateway} behind the in-flight bound, the method filter, the body limit and compression. */
    public static Handler around(Handler gateway, EdgeConfig config, GatewayMetrics metrics) {
        CompressionHandler compression = new CompressionHandler(gateway);
        GzipCompression gzip = new GzipCompression();
        gzip.setMinCompressSize(MIN_COMPRESS_BYTES);
        compression.putCompression(gzip);
        CompressionConfig.Builder rules = CompressionConfig.builder();
        COMPRESSIBLE.forEach(rules::compressIncludeMimeType);
        // a proxy relays request bodies as they were sent: never inflate them on the way to the origin
        rules.decompressExcludePath("/*");
        compression.putConfiguration("/", rules.build());
        SizeLimitHandler bodies = new SizeLimitHandler(config.maxBodyBytes(), -1);
        bodies.setHandler(compression);
        // outermost: an overloaded gateway spends nothing on a request it sheds
        return new LoadShedding(new MethodFilter(bodies), config.maxInFlight(), metrics);
    }
}
