package dev.strata.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import dev.strata.audience.AudienceEvent;
import dev.strata.audience.Measure;

/** Draws the indexed attributes of synthetic customers in the demo data's proportions, with no MongoDB or Spring. */
public final class DemoShapedCustomers {

    /** The attributes of one customer the audience index keeps. */
    public record Shape(String branch, String manager, String tier, String source, String lifecycle, String risk,
            String quadrant, List<String> labels, List<String> products, List<String> consents, Map<Measure, Long> measures) {
    }

    /** Event types of the demo's behaviour data. */
    public static final String[] EVENT_TYPES = {"LOGIN", "TRANSFER", "BILL_PAYMENT", "PURCHASE", "VIEW_PRODUCT", "SHARE"};
    private static final double[] EVENT_TYPE_WEIGHTS = {0.40, 0.20, 0.12, 0.08, 0.15, 0.05};
    private static final String[] EVENT_CHANNELS = {"APP_PUSH", "MINI_PROGRAM", "WECHAT", "SMS"};
    private static final double[] EVENT_CHANNEL_WEIGHTS = {0.55, 0.25, 0.15, 0.05};

    private static final String[] TIERS = {"ORDINARY", "GOLD", "PLATINUM", "DIAMOND"};
    private static final double[] TIER_WEIGHTS = {0.74, 0.22, 0.038, 0.002};
    private static final String[] SOURCES = {"EXISTING", "OUTREACH", "WALK_IN"};
    private static final double[] SOURCE_WEIGHTS = {0.6, 0.2, 0.2};
    private static final String[] STAGES = {"PROSPECT", "NEW", "GROWING", "MATURE", "DECLINING", "DORMANT", "CHURNED"};
    private static final double[] STAGE_WEIGHTS = {0.03, 0.10, 0.20, 0.40, 0.12, 0.10, 0.05};
    private static final String[] RISKS = {"C1", "C2", "C3", "C4", "C5"};
    private static final double[] RISK_WEIGHTS = {0.10, 0.25, 0.35, 0.20, 0.10};
    private static final String[] QUADRANTS = {"LOW_VALUE", "GENERAL", "SUBOPTIMAL", "OPTIMAL"};
    private static final String[] PRODUCTS = {"DEP-CURRENT", "DEP-TIME-1Y", "DEP-LARGE-3Y", "WM-CASH", "WM-STEADY-180",
        "FUND-BOND", "FUND-BALANCED", "FUND-EQUITY", "PB-EQUITY-FOF", "INS-ANNUITY", "CARD-GOLD", "LOAN-CONSUMER"};
    /** Label ids are 24 hex digits, as the demo's. */
    private static final String[] LABELS = {"66a1b2c3d4e5f60000000000", "66a1b2c3d4e5f60000000001", "66a1b2c3d4e5f60000000002",
        "66a1b2c3d4e5f60000000003", "66a1b2c3d4e5f60000000004", "66a1b2c3d4e5f60000000005", "66a1b2c3d4e5f60000000006",
        "66a1b2c3d4e5f60000000007"};
    private static final double[] LABEL_CHANCES = {0.13, 0.12, 0.03, 0.07, 0.03, 0.01, 0.02, 0.06};

    private final SplittableRandom random;

    public DemoShapedCustomers(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The next customer: 5 branches of 4 RMs each, one in ten without an RM. */
    public Shape next() {
        int branch = random.nextInt(5);
        String manager = random.nextDouble() < 0.9 ? String.format("RM%03d", branch * 4 + random.nextInt(4) + 1) : null;
        String stage = STAGES[weighted(STAGE_WEIGHTS)];
        String risk = stage.equals("PROSPECT") || random.nextDouble() < 0.12 ? null : RISKS[weighted(RISK_WEIGHTS)];
        String quadrant = random.nextDouble() < 0.8 ? QUADRANTS[random.nextInt(QUADRANTS.length)] : null;
        List<String> labels = new ArrayList<>(2);
        for (int i = 0; i < LABELS.length; i++) {
            if (random.nextDouble() < LABEL_CHANCES[i]) {
                labels.add(LABELS[i]);
            }
        }
        List<String> products = new ArrayList<>(4);
        products.add(PRODUCTS[0]);
        for (int i = 1; i < PRODUCTS.length && products.size() < 4; i++) {
            if (random.nextDouble() < 0.12) {
                products.add(PRODUCTS[i]);
            }
        }
        List<String> consents = new ArrayList<>(6);
        consent(consents, "SMS", 0.85);
        consent(consents, "PHONE_CALL", 0.7);
        consent(consents, "EMAIL", 0.4);
        consent(consents, "WECHAT", 0.7 * 0.75);
        consent(consents, "APP_PUSH", 0.75 * 0.8);
        consent(consents, "MINI_PROGRAM", 0.3 * 0.7);
        String tier = TIERS[weighted(TIER_WEIGHTS)];
        return new Shape("BR0" + (branch + 1), manager, tier, SOURCES[weighted(SOURCE_WEIGHTS)],
                stage, risk, quadrant, labels, products, consents, measures(tier, quadrant != null, products.size()));
    }

    /** Balances in cents by tier, a birth day, a last login for most, scores for the scored. */
    private Map<Measure, Long> measures(String tier, boolean scored, int products) {
        Map<Measure, Long> measures = new EnumMap<>(Measure.class);
        long scale = switch (tier) {
            case "GOLD" -> 50_000_000L;
            case "PLATINUM" -> 600_000_000L;
            case "DIAMOND" -> 6_000_000_000L;
            default -> 3_000_000L;
        };
        long aum = scale + random.nextLong(scale * 3);
        long deposits = aum * (30 + random.nextInt(60)) / 100;
        measures.put(Measure.AUM, aum);
        measures.put(Measure.DEPOSITS, deposits);
        measures.put(Measure.MONTHLY_AVG_DAILY_DEPOSIT, deposits * (80 + random.nextInt(40)) / 100);
        measures.put(Measure.LOANS, random.nextDouble() < 0.2 ? random.nextLong(100_000_000L) : 0L);
        measures.put(Measure.BIRTH_DAY, (long) (-12_000 + random.nextInt(22_000)));
        if (random.nextDouble() < 0.75) {
            measures.put(Measure.LAST_LOGIN_DAY, (long) (20_400 + random.nextInt(200)));
        }
        if (scored) {
            measures.put(Measure.CURRENT_VALUE, (long) random.nextInt(10_001));
            measures.put(Measure.POTENTIAL_VALUE, (long) random.nextInt(10_001));
            measures.put(Measure.LIFETIME_VALUE, (long) random.nextInt(10_001));
            measures.put(Measure.CHURN_RISK, (long) random.nextInt(10_001));
        }
        measures.put(Measure.PRODUCTS_HELD, (long) products);
        return measures;
    }

    /** About {@code perCustomer} events (Poisson-like, 0 for some) of one customer over the {@code days} up to {@code today}. */
    public List<AudienceEvent> events(int seq, int perCustomer, int today, int days) {
        int count = 0;
        for (int i = 0; i < perCustomer * 2; i++) {
            if (random.nextBoolean()) {
                count++;
            }
        }
        List<AudienceEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(new AudienceEvent(Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()), seq,
                    EVENT_TYPES[weighted(EVENT_TYPE_WEIGHTS)], EVENT_CHANNELS[weighted(EVENT_CHANNEL_WEIGHTS)],
                    today - random.nextInt(days)));
        }
        return events;
    }

    private void consent(List<String> consents, String channel, double share) {
        if (random.nextDouble() < share) {
            consents.add(channel);
        }
    }

    private int weighted(double[] weights) {
        double u = random.nextDouble();
        for (int i = 0; i < weights.length - 1; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
