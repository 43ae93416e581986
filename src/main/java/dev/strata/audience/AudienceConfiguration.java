package dev.strata.audience;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audience index bean; the customer module keeps it in step with the stored customers. */
@Configuration(proxyBeanMethods = false)
class AudienceConfiguration {

    @Bean
    AudienceIndex audienceIndex(Clock clock, @Value("${strata.time-zone:Asia/Shanghai}") ZoneId zone) {
        return new AudienceIndex(clock, zone);
    }
}
