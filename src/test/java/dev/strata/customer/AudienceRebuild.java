package dev.strata.customer;

import java.time.Clock;
import java.time.ZoneId;

import dev.strata.audience.AudienceIndex;
import org.springframework.context.ApplicationContext;

/**
 * For benchmarks: builds a fresh audience index from the stored customers and events through the very code a starting
 * instance runs, so its build time and heap can be measured beside the live one.
 */
public final class AudienceRebuild {

    private AudienceRebuild() {
    }

    /** The index, its customers' build time, the other parts' (events) and what they read. */
    public record Rebuilt(AudienceIndex index, long customerMillis, long partMillis, String parts) {
    }

    public static Rebuilt rebuild(ApplicationContext context) {
        AudienceIndex index = new AudienceIndex(context.getBean(Clock.class),
                ZoneId.of(context.getEnvironment().getProperty("strata.time-zone", "Asia/Shanghai")));
        CustomerIndexing.Built built = context.getBean(CustomerIndexing.class).build(index);
        return new Rebuilt(index, built.customerMillis(), built.partMillis(), built.parts());
    }
}
