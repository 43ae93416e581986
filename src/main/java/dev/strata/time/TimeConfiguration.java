package dev.strata.time;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one Clock every feature reads time from, so tests and demos can control it. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    /** The system clock, or a {@link TestClock} that {@code advanceTestClock} moves when {@code strata.test-clock=true}. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${strata.test-clock:false}") boolean testClock) {
        return testClock ? new TestClock(Clock.systemUTC()) : Clock.systemUTC();
    }
}
