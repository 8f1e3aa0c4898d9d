package io.redline.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * An origin on a plain socket that answers one request with the first {@link #FIRST_PART} bytes of a
 * {@link TestOrigin#BIG} body and then sends nothing more, and notes when the gateway closes the connection: a
 * blocking read is the one way to see a peer's close while sending nothing.
 */
final class StallingOrigin implements AutoCloseable {

    static final int FIRST_PART = 256 * 1024;

    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final CountDownLatch released = new CountDownLatch(1);
    private final Thread thread = new Thread(this::serveOne, "stalling-origin");

    StallingOrigin() throws IOException {
        thread.setDaemon(true);
        thread.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Whether the gateway closed the stalled connection. */
    boolean released() {
        return released.getCount() == 0;
    }

    private void serveOne() {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            readHead(in);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + TestOrigin.BIG
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(TestOrigin.bigBody(), 0, FIRST_PART);
            out.flush();
            while (in.read() >= 0) {
                // the gateway sends nothing more on this connection: wait for its close
            }
            released.countDown();
        } catch (IOException e) {
            // a reset is a close too
            released.countDown();
        }
    }

    private static void readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the end of the request head");
            }
            head.write(b);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
