package dev.strata.campaign;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.strata.graphql.NodeEntity;
import dev.strata.shared.Channel;
import dev.strata.shared.Scope;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A campaign: whom it targets (segments evaluated in its creator's scope), the journey it walks them
 * through, its maker-checker state and its measurement settings. Segment IDs are local IDs. {@code counters} are its
 * stats as last read: only {@link StatsCounters} writes them, with {@code $inc}, so reading a campaign and its stats is
 * one lookup.
 */
@Document(Campaign.COLLECTION)
public record Campaign(@Id String id, String name, String objective, CampaignStatus status, List<String> segmentIds,
        String snapshotId, List<String> excludedSegmentIds, double controlGroupPercent, Instant startAt, Instant endAt,
        Goal goal, List<ChannelCost> costPerContact, List<JourneyStep> journey, Trigger trigger, String createdBy,
        Scope.Kind creatorScopeKind, String creatorScopeCode, String approvedBy, String rejectionReason,
        Instant launchedAt, Instant completedAt, EnrollmentJob enrollment, Instant createdAt, Instant updatedAt,
        long version, @ReadOnlyProperty org.bson.Document counters) implements NodeEntity {

    public static final String COLLECTION = "campaigns";

    public Campaign {
        segmentIds = segmentIds == null ? List.of() : segmentIds;
        excludedSegmentIds = excludedSegmentIds == null ? List.of() : excludedSegmentIds;
        costPerContact = costPerContact == null ? List.of() : costPerContact;
        journey = journey == null ? List.of() : journey;
    }

    /** A goal event and the window after enrollment in which it counts as a conversion. */
    public record Goal(String eventType, Duration within) {
    }

    /** What one contact on a channel costs. */
    public record ChannelCost(Channel channel, BigDecimal cost) {
    }

    /** Enrol on an event instead of at launch; {@code reentry} null means never again. */
    public record Trigger(String eventType, Channel channel, BigDecimal minAmount, Duration reentry) {
    }

    /**
     * The background enrollment of the audience after launch: pending until done; {@code leaseUntil} lets
     * one instance work on it and another take over if it dies.
     */
    public record EnrollmentJob(boolean pending, String leaseOwner, Instant leaseUntil) {
    }

    /** The scope the audience is evaluated in: the creator's. */
    public Scope creatorScope() {
        return new Scope(creatorScopeKind, creatorScopeCode);
    }

    /** The branch the campaign is limited to, when a branch manager made it. */
    public String branchCode() {
        return creatorScopeKind == Scope.Kind.BRANCH ? creatorScopeCode : null;
    }

    public JourneyStep step(String key) {
        return journey.stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
    }

    /** The step after {@code step}: its {@code next}, or the following one in the list, or null at the end. */
    public String following(JourneyStep step) {
        if (step.next() != null) {
            return step.next();
        }
        int index = journey.indexOf(step);
        return index >= 0 && index + 1 < journey.size() ? journey.get(index + 1).key() : null;
    }

    public BigDecimal costOf(Channel channel) {
        return costPerContact.stream().filter(c -> c.channel() == channel).map(ChannelCost::cost).findFirst()
                .orElse(BigDecimal.ZERO);
    }
}
