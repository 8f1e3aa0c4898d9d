package io.redline.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;

/**
 * A minimal RESP2 client for fixtures and assertions that must not go through Redisson (starting servers,
 * forming a cluster, asking a sentinel, counting subscribers). Replies: String, Long, List, null, or
 * {@link RedisError}.
 */
public final class RawRedis implements Closeable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawRedis(String host, int port) throws IOException {
        this(host, port, null);
    }

    /** @param tls sockets for a server that accepts TLS only (see {@link TestCertificates}), or null for plain TCP */
    public RawRedis(String host, int port, SSLSocketFactory tls) throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(host, port), 2_000);
        socket = tls == null ? plain : tls.createSocket(plain, host, port, true);
        socket.setSoTimeout(10_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** One command on a new connection to 127.0.0.1. */
    public static Object once(int port, String... command) throws IOException {
        return once(null, port, command);
    }

    /** One command on a new connection to 127.0.0.1, over TLS when {@code tls} is not null. */
    public static Object once(SSLSocketFactory tls, int port, String... command) throws IOException {
        try (RawRedis redis = new RawRedis("127.0.0.1", port, tls)) {
            return redis.call(command);
        }
    }

    public Object call(String... command) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("*" + command.length + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (String part : command) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            request.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            request.writeBytes(bytes);
            request.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(request.toByteArray());
        out.flush();
        return read();
    }

    private Object read() throws IOException {
        int type = in.read();
        String line = line();
        switch (type) {
            case '+':
                return line;
            case '-':
                return new RedisError(line);
            case ':':
                return Long.parseLong(line);
            case '$':
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] bytes = in.readNBytes(length);
                line();
                return new String(bytes, StandardCharsets.UTF_8);
            case '*':
                int count = Integer.parseInt(line);
                if (count < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(read());
                }
                return items;
            default:
                throw new IOException("unexpected RESP type " + type + " (connection closed?)");
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        for (int b = in.read(); b != -1; b = in.read()) {
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            line.write(b);
            previous = b;
        }
        throw new IOException("connection closed in the middle of a reply");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /**
     * An error reply.
     *
     * @param message the text after the '-'
     */
    public record RedisError(String message) {
    }
}
