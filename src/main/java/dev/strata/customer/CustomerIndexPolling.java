package dev.strata.customer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** With MONGODB_URI set, other replicas may write too: poll their changes by {@code updatedAt} into the audience index. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("MONGODB_URI")
class CustomerIndexPolling {

    private final CustomerIndexing indexing;

    CustomerIndexPolling(CustomerIndexing indexing) {
        this.indexing = indexing;
    }

    @Scheduled(fixedDelayString = "${strata.audience.poll-interval:PT2S}")
    void poll() {
        indexing.catchUp();
    }
}
