package dev.strata.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import org.h2.mvstore.MVStore;

/**
 * An in-process MongoDB wire-protocol server on loopback, file-backed (durable) or in memory. Each client connection
 * gets its own server thread: the stock server answers every connection's commands on one of four event-loop threads,
 * so a quick read waited whenever another connection on its thread held or waited for a collection lock (a campaign
 * runner's bulk write of 500 customers), which made {@code campaign.stats} take hundreds of milliseconds.
 */
public final class EmbeddedMongoStore implements AutoCloseable {

    /** The most connections a client of this store opens ({@code maxPoolSize}), each then on a thread of its own. */
    static final int CONNECTIONS = 48;
    /** Server threads, handed to connections in turn: the pool, the client's two monitoring connections and spare. */
    static final int SERVER_THREADS = 64;

    /** File name of the H2 store inside the data directory. */
    public static final String FILE_NAME = "strata.mv.db";

    private final MongoBackend backend;
    private final WireServer server;
    private final Path file;
    private final InetSocketAddress address;

    private EmbeddedMongoStore(MongoBackend backend, SharedStrings strings, Path file, int port) {
        this.backend = backend;
        this.server = new WireServer(backend, new InetSocketAddress("127.0.0.1", port), SERVER_THREADS, strings);
        this.file = file;
        this.address = server.address();
    }

    /** Opens (or creates) the durable store in {@code dataDir} and listens on {@code port} (0 = any free port). */
    public static EmbeddedMongoStore openFile(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create data directory " + dataDir.toAbsolutePath(), e);
        }
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        // No background compaction: after a restart it rewrote pages of index maps this run had not opened yet with H2's
        // default key type, which cannot compare the backend's keys, and that failure closed the store (a second
        // `mvn spring-boot:run` on the demo's data failed within seconds). The file grows instead of compacting.
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCompactFillRate(0).open();
        // Its documents are serialized, so shared strings only spare the request decoder's allocations.
        return new EmbeddedMongoStore(new DurableH2Backend(store), new SharedStrings(), file, port);
    }

    /** Starts a store that keeps nothing: tests, benchmarks and throw-away demos. */
    public static EmbeddedMongoStore openMemory(int port) {
        SharedStrings strings = new SharedStrings();
        return new EmbeddedMongoStore(new IdFirstMemoryBackend(strings), strings, null, port);
    }

    /** Where a client finds the store, its pool no larger than the threads that can answer each connection alone. */
    public String connectionString(String database) {
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + database + "?maxPoolSize=" + CONNECTIONS;
    }

    public int port() {
        return address.getPort();
    }

    /** The H2 file holding the data, or null for the in-memory kind. */
    public Path file() {
        return file;
    }

    MongoBackend backend() {
        return backend;
    }

    /** Stops listening, then flushes and closes the backend. */
    @Override
    public void close() {
        server.shutdown();
    }
}
