package dev.strata.store;

import com.mongodb.ConnectionString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** Starts the embedded store before the Mongo client is built whenever MONGODB_URI is not set. */
@Configuration(proxyBeanMethods = false)
@Conditional(NoMongoUriCondition.class)
class EmbeddedMongoConfiguration {

    static final String DATABASE = "strata";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedMongoStore embeddedMongoStore(StoreProperties properties) {
        int port = properties.embeddedMongo().port();
        if (properties.embeddedMongo().store() == StoreProperties.EmbeddedStoreKind.MEMORY) {
            EmbeddedMongoStore store = EmbeddedMongoStore.openMemory(port);
            log.info("Embedded MongoDB (in memory, nothing is kept) on 127.0.0.1:{}; set MONGODB_URI to use a real MongoDB",
                    store.port());
            return store;
        }
        EmbeddedMongoStore store = EmbeddedMongoStore.openFile(properties.dataDir(), port);
        log.info("Embedded MongoDB on 127.0.0.1:{}, data in {}; set MONGODB_URI to use a real MongoDB instead",
                store.port(), store.file());
        return store;
    }

    /** Pointing Boot's Mongo client at the embedded store makes the client depend on it, so it starts first. */
    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongoStore store) {
        ConnectionString connectionString = new ConnectionString(store.connectionString(DATABASE));
        return () -> connectionString;
    }
}
