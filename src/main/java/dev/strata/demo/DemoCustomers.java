package dev.strata.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.strata.shared.Channel;
import dev.strata.customer.Customer;
import dev.strata.shared.CustomerSource;
import dev.strata.shared.LifecycleStage;
import dev.strata.shared.RiskLevel;
import dev.strata.shared.Tier;
import dev.strata.manager.RelationshipManager;
import dev.strata.product.Product;

/** Assembles complete, mutually consistent synthetic customer portraits from the people, balance and label generators. */
final class DemoCustomers {

    private static final double[] SOURCE_WEIGHTS = {0.6, 0.2, 0.2};
    private static final double[] STAGE_WEIGHTS = {0.03, 0.10, 0.20, 0.40, 0.12, 0.10, 0.05};
    private static final double[] RISK_WEIGHTS = {0.10, 0.25, 0.35, 0.20, 0.10};
    private static final String OPENID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    private static final long DAY = 86_400L;

    private final SplittableRandom random;
    private final DemoPeople people;
    private final DemoBalances balances;
    private final DemoLabels labels;
    private final DemoIds ids;
    private final List<RelationshipManager> managers;
    private final Instant now;
    private final LocalDate today;
    private final Holdings holdings;

    /** The product generator and the catalogue it draws from. */
    record Holdings(DemoProducts products, List<Product> catalogue) {
    }

    DemoCustomers(SplittableRandom random, DemoPeople people, DemoBalances balances, DemoLabels labels, DemoIds ids,
            List<RelationshipManager> managers, Instant now, LocalDate today, Holdings holdings) {
        this.holdings = holdings;
        this.random = random;
        this.people = people;
        this.balances = balances;
        this.labels = labels;
        this.ids = ids;
        this.managers = managers;
        this.now = now;
        this.today = today;
    }

    /**
     * The customer at {@code index} (0-based) of the demo book, stored with sequence number {@code seq}. Generated ORDINARY and
     * unscored: scoring places every customer as it is stored (tier with its reason, scores, lifecycle), with the engine itself.
     */
    Customer customer(int index, long seq) {
        RelationshipManager rm = random.nextDouble() < 0.9 ? managers.get(random.nextInt(managers.size())) : null;
        String branchCode = rm != null ? rm.branchCode()
                : DemoOrganisation.SITES.get(random.nextInt(DemoOrganisation.SITES.size())).code();
        DemoPeople.Person person = people.person(index, today, DemoOrganisation.site(branchCode).districts(), 18, 85);
        int age = Period.between(person.birthDate(), today).getYears();
        CustomerSource source = CustomerSource.values()[weighted(SOURCE_WEIGHTS)];
        LifecycleStage stage = LifecycleStage.values()[weighted(STAGE_WEIGHTS)];
        RiskLevel risk = stage == LifecycleStage.PROSPECT || random.nextDouble() < 0.12 ? null
                : RiskLevel.values()[weighted(RISK_WEIGHTS)];
        LocalDate assessedAt = risk == null ? null : today.minusDays(random.nextInt(3 * 365));
        Customer.AssetSummary assets = balances.assets(scale(stage));
        if (stage == LifecycleStage.PROSPECT) {
            assets = new Customer.AssetSummary(assets.aum(), assets.deposits(), assets.monthlyAvgDailyDeposit(),
                    BigDecimal.ZERO.setScale(2));
        }
        boolean app = random.nextDouble() < (age < 35 ? 0.9 : age < 55 ? 0.75 : 0.45);
        boolean wechat = random.nextDouble() < 0.7;
        boolean miniProgram = wechat && random.nextDouble() < 0.45;
        var digital = new Customer.DigitalEngagement(app, miniProgram, app ? lastLogin(stage) : null);
        var facts = new DemoLabels.Facts(age, assets.aum().doubleValue(), risk);
        return new Customer(ids.next(), seq, String.format("C%08d", index + 1), person.name(), person.gender(),
                person.birthDate(), person.phone(), person.idNumber(), source, stage, risk, assessedAt, branchCode,
                rm == null ? null : rm.code(), assets, digital, consents(app, wechat, miniProgram),
                identities(index, app, wechat, miniProgram), labels.pick(facts, now),
                holdings.products().holdings(risk, assets, holdings.catalogue(), today),
                Tier.ORDINARY, List.of(), null, null, List.of(), List.of(), List.of(),
                null, 0, null, null, now, now, null, null);
    }

    /** Prospects and leavers hold little with the bank; new customers are still moving money in. */
    private static double scale(LifecycleStage stage) {
        return switch (stage) {
            case PROSPECT, CHURNED -> 0.05;
            case DORMANT -> 0.3;
            case NEW -> 0.5;
            default -> 1.0;
        };
    }

    /** Active customers logged in within days; declining ones weeks ago; dormant and churned ones months ago. */
    private Instant lastLogin(LifecycleStage stage) {
        long seconds = switch (stage) {
            case DECLINING -> (20 + random.nextInt(70)) * DAY;
            case DORMANT -> (90 + random.nextInt(275)) * DAY;
            case CHURNED -> (180 + random.nextInt(540)) * DAY;
            default -> (long) (random.nextExponential() * 4 * DAY);
        };
        return now.minusSeconds(seconds + 60 + random.nextInt(3600));
    }

    /** Consent per channel the customer can be reached on; a consent that is not granted is an opt-out. */
    private List<Customer.Consent> consents(boolean app, boolean wechat, boolean miniProgram) {
        List<Customer.Consent> consents = new ArrayList<>(6);
        consent(consents, Channel.SMS, 0.85);
        consent(consents, Channel.PHONE_CALL, 0.7);
        consent(consents, Channel.EMAIL, 0.4);
        if (wechat) {
            consent(consents, Channel.WECHAT, 0.75);
        }
        if (app) {
            consent(consents, Channel.APP_PUSH, 0.8);
        }
        if (miniProgram) {
            consent(consents, Channel.MINI_PROGRAM, 0.7);
        }
        return consents;
    }

    private void consent(List<Customer.Consent> consents, Channel channel, double grantedShare) {
        Instant at = now.minusSeconds(DAY + random.nextLong(400 * DAY));
        consents.add(new Customer.Consent(channel, random.nextDouble() < grantedShare, at));
    }

    /** WeChat and mini-program openids (random, 28 characters) and an app user id unique by construction. */
    private List<Customer.ChannelIdentity> identities(int index, boolean app, boolean wechat, boolean miniProgram) {
        List<Customer.ChannelIdentity> identities = new ArrayList<>(3);
        if (wechat) {
            identities.add(new Customer.ChannelIdentity(Channel.WECHAT, openId()));
        }
        if (miniProgram) {
            identities.add(new Customer.ChannelIdentity(Channel.MINI_PROGRAM, openId()));
        }
        if (app) {
            identities.add(new Customer.ChannelIdentity(Channel.APP_PUSH, "U" + (100_000_000L + index * 37L + random.nextInt(37))));
        }
        return identities;
    }

    private String openId() {
        char[] id = new char[28];
        id[0] = 'o';
        for (int i = 1; i < id.length; i++) {
            id[i] = OPENID_ALPHABET.charAt(random.nextInt(OPENID_ALPHABET.length()));
        }
        return new String(id);
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
