package dev.strata.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.strata.audience.Attribute;
import dev.strata.audience.AudienceIndex;
import dev.strata.audience.Measure;
import dev.strata.customer.CustomerService;
import dev.strata.graphql.BadRequestException;
import dev.strata.shared.Scope;
import dev.strata.shared.Tier;
import dev.strata.shared.ValueQuadrant;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Tier and value analytics over the viewer's customers, from the audience index and the tier timeline: no collection scan. */
@Service
public class ScoringAnalytics {

    private final CustomerService customers;
    private final AudienceIndex index;
    private final TierTimeline timeline;
    private final ZoneId zone;

    ScoringAnalytics(CustomerService customers, AudienceIndex index, TierTimeline timeline,
            @Value("${strata.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.customers = customers;
        this.index = index;
        this.timeline = timeline;
        this.zone = zone;
    }

    public record TierCount(Tier tier, int count) {
    }

    /** Customers of one quadrant and their assets under management (exact, of those with a known AUM). */
    public record QuadrantCount(ValueQuadrant quadrant, int count, BigDecimal aum) {
    }

    public record TierMigration(Tier from, Tier to, int count) {
    }

    @PreAuthorize(ScoringService.STAFF)
    public List<TierCount> tierDistribution(String branchCode, Scope scope) {
        RoaringBitmap base = base(branchCode, scope);
        List<TierCount> counts = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            counts.add(new TierCount(tier, index.countWithin(Attribute.TIER, tier.name(), base)));
        }
        return counts;
    }

    /** Customers and AUM per quadrant, both from one read of the index; customers not scored yet are in none. */
    @PreAuthorize(ScoringService.STAFF)
    public List<QuadrantCount> valueMatrix(String branchCode, Scope scope) {
        RoaringBitmap base = base(branchCode, scope);
        return index.read(view -> {
            List<QuadrantCount> counts = new ArrayList<>();
            for (ValueQuadrant quadrant : ValueQuadrant.values()) {
                RoaringBitmap members = RoaringBitmap.and(view.bitmap(Attribute.QUADRANT, quadrant.name()), base);
                counts.add(new QuadrantCount(quadrant, members.getCardinality(),
                        BigDecimal.valueOf(view.sum(Measure.AUM, members), 2)));
            }
            return counts;
        });
    }

    /**
     * The viewer's customers (as of now) by their tier at the end of {@code from} and at the end of {@code to}, in
     * STRATA_TIME_ZONE; pairs with no customer are left out.
     */
    @PreAuthorize(ScoringService.STAFF)
    public List<TierMigration> tierMigration(LocalDate from, LocalDate to, String branchCode, Scope scope) {
        if (from.isAfter(to)) {
            throw new BadRequestException("from must not be after to");
        }
        RoaringBitmap base = base(branchCode, scope);
        int[][] counts = new int[Tier.values().length][Tier.values().length];
        RoaringBitmap changed = new RoaringBitmap();
        timeline.forEachChanged(endOf(from), endOf(to), (seq, first, second) -> {
            if (base.contains(seq)) {
                counts[first.ordinal()][second.ordinal()]++;
                changed.add(seq);
            }
        });
        RoaringBitmap unchanged = RoaringBitmap.andNot(base, changed);
        for (Tier tier : Tier.values()) {
            counts[tier.ordinal()][tier.ordinal()] += index.countWithin(Attribute.TIER, tier.name(), unchanged);
        }
        List<TierMigration> result = new ArrayList<>();
        for (Tier a : Tier.values()) {
            for (Tier b : Tier.values()) {
                if (counts[a.ordinal()][b.ordinal()] > 0) {
                    result.add(new TierMigration(a, b, counts[a.ordinal()][b.ordinal()]));
                }
            }
        }
        return result;
    }

    private Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
    }

    private RoaringBitmap base(String branchCode, Scope scope) {
        RoaringBitmap visible = customers.visibleMembers(scope);
        return branchCode == null ? visible : index.and(visible, Attribute.BRANCH, branchCode);
    }
}
