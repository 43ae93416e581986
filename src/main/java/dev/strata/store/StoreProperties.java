package dev.strata.store;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the service keeps local state and which embedded store it runs when no MongoDB URI is given. */
@ConfigurationProperties("strata")
public record StoreProperties(Path dataDir, EmbeddedMongo embeddedMongo) {

    public StoreProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        embeddedMongo = embeddedMongo == null ? new EmbeddedMongo(EmbeddedStoreKind.FILE, 0) : embeddedMongo;
    }

    /** Kind of backend and port of the in-process wire-protocol server. */
    public record EmbeddedMongo(EmbeddedStoreKind store, int port) {
        public EmbeddedMongo {
            store = store == null ? EmbeddedStoreKind.FILE : store;
        }
    }

    /** FILE keeps data in the data directory; MEMORY keeps nothing. */
    public enum EmbeddedStoreKind { FILE, MEMORY }
}
