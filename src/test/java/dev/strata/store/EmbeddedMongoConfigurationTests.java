package dev.strata.store;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded store starts only when no real MongoDB is configured, and then supplies the connection. */
class EmbeddedMongoConfigurationTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StoreProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, EmbeddedMongoConfiguration.class)
            .withPropertyValues("strata.embedded-mongo.store=memory");

    @Test
    void withoutMongodbUriTheEmbeddedStoreStartsAndIsTheConnection() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(EmbeddedMongoStore.class);
            int port = context.getBean(EmbeddedMongoStore.class).port();
            var connection = context.getBean(MongoConnectionDetails.class).getConnectionString();
            assertThat(connection.getConnectionString())
                    .isEqualTo("mongodb://127.0.0.1:" + port + "/strata?maxPoolSize=" + EmbeddedMongoStore.CONNECTIONS);
            // No more connections than the store has threads to answer each on its own.
            assertThat(connection.getMaxConnectionPoolSize()).isLessThan(EmbeddedMongoStore.SERVER_THREADS);
        });
    }

    @Test
    void withMongodbUriNothingEmbeddedStarts() {
        runner.withPropertyValues("MONGODB_URI=mongodb://db.example.invalid:27017/strata").run(context -> {
            assertThat(context).doesNotHaveBean(EmbeddedMongoStore.class);
            assertThat(context).doesNotHaveBean(MongoConnectionDetails.class);
        });
    }
}
