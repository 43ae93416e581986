package dev.strata.store;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

/**
 * Child process of the crash test: opens the file-backed store, inserts documents one acknowledged
 * write at a time, reports the count, then waits to be killed.
 */
public final class DurabilityWriter {

    private DurabilityWriter() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        EmbeddedMongoStore store = EmbeddedMongoStore.openFile(dir, 0);
        try (MongoClient client = MongoClients.create(store.connectionString("strata"))) {
            MongoCollection<Document> collection = client.getDatabase("strata").getCollection("acks");
            for (int i = 0; i < count; i++) {
                collection.insertOne(new Document("_id", i).append("payload", "row-" + i));
            }
            System.out.println("ACKED " + count);
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
