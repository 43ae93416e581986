package dev.strata.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import dev.strata.label.Label;
import dev.strata.manager.RelationshipManager;
import dev.strata.product.Product;
import dev.strata.segment.Segment;

/** One seed's demo generators, each on its own random stream split off in a fixed order, so a seed always gives the same data. */
final class DemoBook {

    private final Instant now;
    private final LocalDate today;
    private final DemoPeople people;
    private final DemoOrganisation organisation;
    private final List<Label> labels;
    private final SplittableRandom customerRandom;
    private final SplittableRandom balanceRandom;
    private final SplittableRandom labelRandom;
    private final DemoIds customerIds;
    private final DemoIds userIds;
    private final DemoProducts products;
    private final DemoIds ruleLabelIds;
    private final DemoIds segmentIds;
    private final SplittableRandom activityRandom;
    private final SplittableRandom dailyBalanceRandom;
    private final SplittableRandom campaignRandom;

    /** Dates are drawn relative to {@code now}/{@code today}: same seed and same reference time, same data. */
    DemoBook(long seed, Instant now, LocalDate today) {
        this.now = now;
        this.today = today;
        SplittableRandom root = new SplittableRandom(seed);
        this.people = new DemoPeople(root.split());
        this.organisation = DemoOrganisation.generate(people, root.split(), today, now);
        this.labels = DemoLabels.documents(new DemoIds(root.split()), now);
        this.customerRandom = root.split();
        this.balanceRandom = root.split();
        this.labelRandom = root.split();
        this.customerIds = new DemoIds(root.split());
        this.userIds = new DemoIds(root.split());
        this.products = new DemoProducts(root.split());
        // Appended after every earlier stream, so adding them changed none of the data those streams give.
        this.ruleLabelIds = new DemoIds(root.split());
        this.segmentIds = new DemoIds(root.split());
        this.activityRandom = root.split();
        this.dailyBalanceRandom = root.split();
        this.campaignRandom = root.split();
    }

    /** The demo campaigns, from a stream split off last so the other demo IDs stay what they were. */
    DemoCampaigns campaigns() {
        return new DemoCampaigns(campaignRandom, now);
    }

    DemoOrganisation organisation() {
        return organisation;
    }

    /** Label documents to store for the demo's MANUAL labels. */
    List<Label> labels() {
        return labels;
    }

    /** Label documents to store for the demo's RULE labels (the e-banking groups), in definition order. */
    List<Label> ruleLabels() {
        return DemoRuleLabels.documents(ruleLabelIds, now);
    }

    /** The demo's saved segments. */
    List<Segment> segments() {
        return DemoSegments.documents(segmentIds, now);
    }

    /** What customers did, given the RULE labels as stored (in definition order), days counted in {@code zone}. Call once. */
    DemoBehaviour behaviour(List<Label> storedRuleLabels, ZoneId zone) {
        return new DemoBehaviour(new DemoActivity(activityRandom, now, today, zone), new DemoDailyBalances(dailyBalanceRandom),
                storedRuleLabels, now, today, zone);
    }

    /** Ids for the demo users, from a stream of their own. */
    DemoIds userIds() {
        return userIds;
    }

    /** The demo product catalogue. */
    List<Product> catalogue() {
        return DemoProducts.catalogue(now);
    }

    /**
     * The customer generator, assigning customers to {@code managers} (as stored, so each customer's branch is
     * its RM's branch) and applying the {@code storedLabels} by key. Call once.
     */
    DemoCustomers customers(List<RelationshipManager> managers, Map<String, Label> storedLabels, List<Product> catalogue) {
        return new DemoCustomers(customerRandom, people, new DemoBalances(balanceRandom),
                new DemoLabels(storedLabels, labelRandom), customerIds, managers, now, today,
                new DemoCustomers.Holdings(products, catalogue));
    }
}
