package dev.strata.campaign;

import org.springframework.test.context.TestPropertySource;

/** Campaign tests share a context with the test clock on and the campaign poller and runner threads working every 0.2 s. */
@TestPropertySource(properties = {"strata.test-clock=true", "strata.campaigns.poll-interval=PT0.2S",
        "strata.campaigns.runners=2",
        // Days of journeys walked in one advanceTestClock on shared, loaded cores take longer than the default 10 s.
        "strata.graphql.request-timeout=PT120S"})
abstract class CampaignTestSupport extends CampaignHelpers {
}
