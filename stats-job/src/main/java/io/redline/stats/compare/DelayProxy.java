package io.redline.stats.compare;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A TCP proxy on 127.0.0.1 that delays every chunk, in each direction, by a fixed time: a network with that much
 * one-way latency. Chunks keep their order (same event loop, same delay). Built on the Netty that Redisson ships.
 */
public final class DelayProxy implements AutoCloseable {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;

    public DelayProxy(String targetHost, int targetPort, Duration delay, ProxyTap tap) throws InterruptedException {
        long nanos = delay.toNanos();
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel client) {
                        client.pipeline().addLast(new ClientSide(targetHost, targetPort, nanos, tap));
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Forwards to {@code to} after the delay, keeping order; reports the bytes first. */
    private static void forward(Channel to, Object message, long nanos, Consumer<byte[]> report) {
        ByteBuf bytes = (ByteBuf) message;
        report.accept(ByteBufUtil.getBytes(bytes));
        if (nanos == 0) {
            to.writeAndFlush(bytes);
        } else {
            to.eventLoop().schedule(() -> to.writeAndFlush(bytes), nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** The client's connection: opens the connection to Redis, then relays. */
    private static final class ClientSide extends ChannelInboundHandlerAdapter {

        private final String host;
        private final int port;
        private final long nanos;
        private final ProxyTap tap;
        private Channel backend;

        ClientSide(String host, int port, long nanos, ProxyTap tap) {
            this.host = host;
            this.port = port;
            this.nanos = nanos;
            this.tap = tap;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            Channel client = ctx.channel();
            backend = new Bootstrap().group(client.eventLoop()).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelRead(ChannelHandlerContext server, Object message) {
                            forward(client, message, nanos, tap::serverToClient);
                        }

                        @Override
                        public void channelInactive(ChannelHandlerContext server) {
                            client.close();
                        }
                    })
                    .connect(host, port).addListener((ChannelFutureListener) connected -> {
                        if (connected.isSuccess()) {
                            client.config().setAutoRead(true);
                        } else {
                            client.close();
                        }
                    }).channel();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            forward(backend, message, nanos, tap::clientToServer);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (backend != null) {
                backend.close();
            }
        }
    }
}
