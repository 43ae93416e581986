package dev.strata.store;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import de.bwaldvogel.mongo.wire.OpCode;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.MessageToByteEncoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wire-protocol server in front of the backend: the library's pipeline with {@link SharingWireDecoder} reading the
 * requests and {@link ReplyBson} writing the replies (the library's server builds its pipeline inside {@code bind} and
 * cannot be given another decoder or encoder).
 */
final class WireServer {

    private static final Logger log = LoggerFactory.getLogger(WireServer.class);

    private final MongoBackend backend;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ChannelGroup clients;
    private final Channel listening;

    /**
     * Listens on {@code address} at once; each accepted connection is served by one of {@code threads} threads, and its
     * requests are decoded with {@code strings} (the backend's own, when it keeps documents in memory).
     */
    WireServer(MongoBackend backend, InetSocketAddress address, int threads, SharedStrings strings) {
        this.backend = backend;
        this.boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("mongo-server-boss"), NioIoHandler.newFactory());
        this.workers = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("mongo-server-worker"),
                NioIoHandler.newFactory());
        this.clients = new DefaultChannelGroup("store-clients", workers.next());
        try {
            this.listening = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 100).localAddress(address)
                    .childOption(ChannelOption.TCP_NODELAY, Boolean.TRUE)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new MongoWireReplyEncoder(), new ReplyEncoder(),
                                    new SharingWireDecoder(strings), new MongoDatabaseHandler(backend, clients),
                                    new MongoExceptionHandler());
                        }
                    }).bind().syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            stopThreads();
            throw e;
        }
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listening.localAddress();
    }

    /** Stops listening, lets the connections' threads finish, then closes the backend. */
    void shutdown() {
        listening.close().syncUninterruptibly();
        stopThreads();
        backend.close();
    }

    private void stopThreads() {
        boss.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        boss.terminationFuture().syncUninterruptibly();
        workers.terminationFuture().syncUninterruptibly();
    }

    /** An OP_MSG reply: header, flags, and the body document written by {@link ReplyBson}. */
    private static final class ReplyEncoder extends MessageToByteEncoder<MongoMessage> {

        @Override
        protected void encode(ChannelHandlerContext context, MongoMessage message, ByteBuf out) {
            out.writeIntLE(0);
            out.writeIntLE(message.getHeader().getRequestID());
            out.writeIntLE(message.getHeader().getResponseTo());
            out.writeIntLE(OpCode.OP_MSG.getId());
            out.writeIntLE(message.getFlags());
            out.writeByte(MongoMessage.SECTION_KIND_BODY);
            try {
                ReplyBson.document(message.getDocument(), out);
            } catch (RuntimeException e) {
                log.error("Failed to encode a reply; closing its connection", e);
                context.channel().close();
                throw e;
            }
            out.setIntLE(0, out.writerIndex());
        }
    }
}
