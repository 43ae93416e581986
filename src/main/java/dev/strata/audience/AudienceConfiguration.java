package dev.strata.audience;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audience index bean; the customer module keeps it in step with the stored customers. */
@Configuration(proxyBeanMethods = false)
class AudienceConfiguration {

    @Bean
    AudienceIndex audienceIndex() {
        return new AudienceIndex();
    }
}
