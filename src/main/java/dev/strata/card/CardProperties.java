package dev.strata.card;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the public card: whether the service serves its page, and how many public calls a client address and a
 * card take per minute (the benchmark raises both).
 */
@ConfigurationProperties("strata.card")
public record CardProperties(@DefaultValue("true") boolean pageEnabled,
        @DefaultValue("120") int callsPerMinutePerAddress, @DefaultValue("600") int callsPerMinutePerCard) {
}
