package io.redline.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

/**
 * What an idle keep-alive connection costs in heap. Regression: Jetty's default header cache (1,024 fields per
 * connection, about 80 KiB of heap) made 2,000 connections hold 200 MiB and ran a 256 MiB gateway out of memory.
 */
class ConnectionMemoryTest {

    private static final int CONNECTIONS = 400;

    @Test
    void fourHundredKeepAliveConnectionsHoldLessThan8MiBOfHeap() throws Exception {
        Handler ok = new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.write(true, null, callback);
                return true;
            }
        };
        JettyServer server = new JettyServer("memory-http", 0, 16, ok, Duration.ofSeconds(1));
        server.start();
        List<Socket> sockets = new ArrayList<>();
        try {
            long before = usedHeapAfterGc();
            for (int i = 0; i < CONNECTIONS; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                sockets.add(socket);
                // Jetty builds a connection's header cache on its second request
                assertEquals("HTTP/1.1 200 OK", exchange(socket, i));
                assertEquals("HTTP/1.1 200 OK", exchange(socket, i));
            }
            long held = usedHeapAfterGc() - before;
            assertTrue(held < 8L << 20, CONNECTIONS + " idle connections hold " + (held >> 10) + " KiB");
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
            server.stop();
        }
    }

    /** A request with the headers a browser sends, so that a header cache would fill; the status line back. */
    private static String exchange(Socket socket, int i) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET /page/" + i + " HTTP/1.1\r\nHost: localhost\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64)"
                + "\r\nAccept: text/html,application/xhtml+xml\r\nAccept-Language: en-GB,en;q=0.9\r\n"
                + "Accept-Encoding: gzip, deflate, br\r\nCookie: session=" + i + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        int c;
        while (!head.toString().endsWith("\r\n\r\n") && (c = in.read()) != -1) {
            head.append((char) c);
        }
        // the answer has no body: its head is all of it
        String status = head.substring(0, head.indexOf("\r\n"));
        return status;
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
