package dev.strata.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The file-backed embedded store keeps every acknowledged write: across a clean close and across SIGKILL. */
class EmbeddedStoreDurabilityTests {

    private static final int WRITES = 1000;

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesCloseAndReopen() {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.openFile(dataDir, 0);
                MongoClient client = MongoClients.create(store.connectionString("strata"))) {
            collection(client).insertMany(List.of(new Document("_id", "a").append("n", 1), new Document("_id", "b").append("n", 2)));
            collection(client).updateOne(new Document("_id", "a"), new Document("$set", new Document("n", 10)));
        }
        try (EmbeddedMongoStore store = EmbeddedMongoStore.openFile(dataDir, 0);
                MongoClient client = MongoClients.create(store.connectionString("strata"))) {
            assertThat(collection(client).countDocuments()).isEqualTo(2);
            assertThat(collection(client).find(new Document("_id", "a")).first().getInteger("n")).isEqualTo(10);
        }
    }

    @Test
    void uniqueIndexesSurviveReopen() {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.openFile(dataDir, 0);
                MongoClient client = MongoClients.create(store.connectionString("strata"))) {
            collection(client).createIndex(new Document("key", 1), new com.mongodb.client.model.IndexOptions().unique(true));
            collection(client).insertOne(new Document("key", "k1"));
        }
        try (EmbeddedMongoStore store = EmbeddedMongoStore.openFile(dataDir, 0);
                MongoClient client = MongoClients.create(store.connectionString("strata"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> collection(client).insertOne(new Document("key", "k1")))
                    .isInstanceOf(com.mongodb.MongoWriteException.class);
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        Process writer = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                DurabilityWriter.class.getName(), dataDir.toString(), String.valueOf(WRITES))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("ACKED")) {
                // skip the child's log lines
            }
            assertThat(line).as("the writer reported its acknowledged writes").isEqualTo("ACKED " + WRITES);
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(writer.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        try (EmbeddedMongoStore store = EmbeddedMongoStore.openFile(dataDir, 0);
                MongoClient client = MongoClients.create(store.connectionString("strata"))) {
            assertThat(collection(client).countDocuments()).isEqualTo(WRITES);
        }
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("strata").getCollection("acks");
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
