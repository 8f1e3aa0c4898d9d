package io.redline.testkit;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy on 127.0.0.1 between one process and Redis (or any server) that can misbehave on demand, because
 * this machine's kernel has no {@code netem}: add one-way latency, freeze (stop relaying without closing, as a
 * stalled network does), cut every open connection, or refuse new ones.
 *
 * <p>Each direction of a connection keeps its byte order whatever the latency does: a chunk is never written
 * before the chunk read ahead of it. A frozen proxy stops reading, so the kernel's buffers fill and the peers'
 * writes stall, as on a real link; nothing is lost when it thaws.
 */
public final class FaultProxy implements AutoCloseable {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Channel server;
    private final String targetHost;
    private final int targetPort;
    private volatile long latencyNanos;
    private volatile boolean frozen;
    private volatile boolean refusing;

    private FaultProxy(String targetHost, int targetPort) throws InterruptedException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel client) {
                        client.pipeline().addLast(new ClientSide());
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    /** A proxy to {@code host:port}, relaying faithfully until told otherwise. */
    public static FaultProxy to(String host, int port) {
        try {
            return new FaultProxy(host, port);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding the proxy", e);
        }
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** {@code redis://127.0.0.1:<port>}: the URL a process under test uses instead of the server's. */
    public String redisUrl() {
        return "redis://127.0.0.1:" + port();
    }

    /** Every chunk, in each direction, from now on waits this long before it is relayed. */
    public void latency(Duration oneWay) {
        latencyNanos = oneWay.toNanos();
    }

    /** Stops relaying in both directions; connections stay open and data waits. */
    public void freeze() {
        frozen = true;
    }

    /** Relays again, from where it stopped. */
    public void thaw() {
        frozen = false;
        clients.forEach(channel -> channel.eventLoop().execute(() -> channel.pipeline().get(ClientSide.class).resume()));
    }

    /** Closes every open connection, both sides, at once (as a dropped link or a restarted load balancer). */
    public void cutConnections() {
        clients.close().syncUninterruptibly();
    }

    /** While set, a new connection is closed as soon as it is accepted. */
    public void refuseConnections(boolean refuse) {
        refusing = refuse;
    }

    /** Latency 0, thawed, accepting: a faithful relay again. */
    public void heal() {
        latency(Duration.ZERO);
        refuseConnections(false);
        thaw();
    }

    public int openConnections() {
        return clients.size();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        cutConnections();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /**
     * One client connection and its backend. Reads are asked for one at a time ({@code AUTO_READ} off), so a
     * freeze takes effect at the next chunk and a thaw restarts both directions.
     */
    private final class ClientSide extends ChannelInboundHandlerAdapter {

        private Channel client;
        private Channel backend;
        private final Direction up = new Direction();
        private final Direction down = new Direction();

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            client = ctx.channel();
            if (refusing) {
                client.close();
                return;
            }
            clients.add(client);
            backend = new Bootstrap().group(client.eventLoop()).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.AUTO_READ, false)
                    .handler(new ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelRead(ChannelHandlerContext server, Object message) {
                            down.relay(message, client, backend);
                        }

                        @Override
                        public void channelInactive(ChannelHandlerContext server) {
                            client.close();
                        }
                    })
                    .connect(targetHost, targetPort).addListener((ChannelFutureListener) connected -> {
                        if (connected.isSuccess()) {
                            resume();
                        } else {
                            client.close();
                        }
                    }).channel();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            up.relay(message, backend, client);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            up.discard();
            down.discard();
            if (backend != null) {
                backend.close();
            }
        }

        /** On the channel's event loop: releases what a freeze held, then reads on. */
        void resume() {
            if (backend != null && backend.isActive() && !frozen) {
                up.release(backend);
                down.release(client);
                client.read();
                backend.read();
            }
        }
    }

    /**
     * One direction of a connection: relays after the latency, never ahead of an earlier chunk (a chunk that is
     * due at once still queues behind scheduled ones: Netty runs equal deadlines in the order they were set).
     * Reading goes on while chunks wait, as a long link carries many in flight; only a freeze stops it. A read
     * asked for before the freeze may still deliver a chunk: it is held, unread by the peer, until the thaw.
     */
    private final class Direction {

        private final Deque<Object> held = new ArrayDeque<>();
        private long lastDue;
        private int scheduled;

        /** On the connection's event loop. */
        void relay(Object message, Channel to, Channel from) {
            if (frozen) {
                held.add(message);
                return;
            }
            send(message, to);
            from.read();
        }

        void release(Channel to) {
            while (!held.isEmpty()) {
                send(held.poll(), to);
            }
        }

        /** A connection cut while frozen: what it held goes nowhere, and its buffers go back to the pool. */
        void discard() {
            held.forEach(ReferenceCountUtil::release);
            held.clear();
        }

        private void send(Object message, Channel to) {
            long now = System.nanoTime();
            long due = Math.max(now + latencyNanos, lastDue);
            lastDue = due;
            if (due <= now && scheduled == 0) {
                to.writeAndFlush(message);
            } else {
                scheduled++;
                to.eventLoop().schedule(() -> {
                    scheduled--;
                    to.writeAndFlush(message);
                }, Math.max(0, due - now), TimeUnit.NANOSECONDS);
            }
        }
    }
}
