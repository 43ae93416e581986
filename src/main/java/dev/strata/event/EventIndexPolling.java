package dev.strata.event;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** With MONGODB_URI set, other replicas store events too: poll theirs by {@code recordedAt} into the audience index. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("MONGODB_URI")
class EventIndexPolling {

    private final EventIndexing indexing;

    EventIndexPolling(EventIndexing indexing) {
        this.indexing = indexing;
    }

    @Scheduled(fixedDelayString = "${strata.audience.poll-interval:PT2S}")
    void poll() {
        indexing.catchUp();
    }
}
