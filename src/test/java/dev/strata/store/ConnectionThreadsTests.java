package dev.strata.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command waiting for a collection lock holds up no other connection: with the stock server's four shared threads,
 * a quick read on another connection of the same thread waited until the lock came free.
 */
class ConnectionThreadsTests {

    static final String DB = "threads";

    @Test
    void readsOnOtherConnectionsAnswerWhileOneWriteWaitsForALock() throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        List<MongoClient> readers = new ArrayList<>();
        try (EmbeddedMongoStore store = EmbeddedMongoStore.openMemory(0);
                MongoClient writer = MongoClients.create(store.connectionString(DB))) {
            writer.getDatabase(DB).getCollection("busy").insertOne(new Document("_id", "b").append("n", 0));
            writer.getDatabase(DB).getCollection("free").insertOne(new Document("_id", "f").append("n", 1));
            Object busy = store.backend().resolveDatabase(DB).resolveCollection("busy", true);
            Future<?> blockedWrite;
            synchronized (busy) {
                blockedWrite = pool.submit(() -> writer.getDatabase(DB).getCollection("busy")
                        .updateOne(Filters.eq("_id", "b"), Updates.inc("n", 1)));
                TimeUnit.MILLISECONDS.sleep(300);
                List<CompletableFuture<Document>> reads = new ArrayList<>();
                // Eight more clients: their connections would land on every one of the stock server's four threads.
                for (int i = 0; i < 8; i++) {
                    MongoClient reader = MongoClients.create(store.connectionString(DB));
                    readers.add(reader);
                    reads.add(CompletableFuture.supplyAsync(() -> reader.getDatabase(DB).getCollection("free")
                            .find(Filters.eq("_id", "f")).first(), pool));
                }
                for (CompletableFuture<Document> read : reads) {
                    assertThat(read.get(10, TimeUnit.SECONDS).getInteger("n")).isEqualTo(1);
                }
                assertThat(blockedWrite.isDone()).isFalse();
            }
            blockedWrite.get(10, TimeUnit.SECONDS);
            assertThat(writer.getDatabase(DB).getCollection("busy").find().first().getInteger("n")).isEqualTo(1);
        } finally {
            readers.forEach(MongoClient::close);
            pool.shutdownNow();
        }
    }
}
