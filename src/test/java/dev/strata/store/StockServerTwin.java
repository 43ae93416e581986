package dev.strata.store;

import java.net.InetSocketAddress;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** This store's in-memory kind beside the stock in-memory server, each with a client: what differential tests compare. */
final class StockServerTwin implements AutoCloseable {

    private final EmbeddedMongoStore store;
    private final MongoServer stock;
    final MongoClient ours;
    final MongoClient theirs;

    private StockServerTwin(EmbeddedMongoStore store, MongoServer stock, InetSocketAddress stockAddress, String database) {
        this.store = store;
        this.stock = stock;
        this.ours = MongoClients.create(store.connectionString(database));
        this.theirs = MongoClients.create("mongodb://127.0.0.1:" + stockAddress.getPort());
    }

    static StockServerTwin start(String database) {
        MongoServer stock = new MongoServer(new MemoryBackend());
        InetSocketAddress address = stock.bind();
        return new StockServerTwin(EmbeddedMongoStore.openMemory(0), stock, address, database);
    }

    @Override
    public void close() {
        ours.close();
        theirs.close();
        store.close();
        stock.shutdown();
    }
}
