package dev.strata.audience;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** The audience index bean, and the catch-up poll that only a shared (real) MongoDB needs. */
@Configuration(proxyBeanMethods = false)
class AudienceConfiguration {

    @Bean
    AudienceIndex audienceIndex() {
        return new AudienceIndex();
    }

    /** With MONGODB_URI set, other replicas may write too: poll their changes by {@code updatedAt}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("MONGODB_URI")
    static class CatchUpPolling {

        private final AudienceMaintainer maintainer;

        CatchUpPolling(AudienceMaintainer maintainer) {
            this.maintainer = maintainer;
        }

        @Scheduled(fixedDelayString = "${strata.audience.poll-interval:PT5S}")
        void poll() {
            maintainer.catchUp();
        }
    }
}
