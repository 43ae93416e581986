package dev.strata.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import dev.strata.customer.Customer;
import dev.strata.event.Event;
import dev.strata.shared.Channel;
import dev.strata.shared.EventTypes;
import dev.strata.shared.LifecycleStage;

/**
 * A customer's last 90 days online, as sessions: each opens with a LOGIN (WEB for the bank app and online banking,
 * MINI_PROGRAM in the mini-program; APP_PUSH is the bank's channel towards them, never a way in) and may go on with
 * transfers, bill payments, purchases, product views and a share to WeChat, by the customer's own habits.
 */
final class DemoActivity {

    static final int DAYS = 90;
    private static final long DAY = 86_400L;
    private static final String[] VIEWED = {"WM-CASH", "WM-STEADY-180", "FUND-BOND", "FUND-BALANCED", "FUND-EQUITY",
        "INS-ANNUITY", "DEP-LARGE-3Y", "CARD-GOLD"};

    private final SplittableRandom random;
    private final Instant now;
    private final Instant windowStart;

    DemoActivity(SplittableRandom random, Instant now, LocalDate today, ZoneId zone) {
        this.random = random;
        this.now = now;
        this.windowStart = today.minusDays(DAYS - 1L).atStartOfDay(zone).toInstant();
    }

    /** A customer's events (newest first) and their last login, which a mini-program-only customer may gain here. */
    record Activity(List<Event> events, Instant lastLoginAt) {
    }

    /** How often a customer does each thing in a session: drawn once, so habits (and the e-banking groups) show. */
    private record Habits(int sessions, double transfer, double bill, double purchase, double view, double share) {
    }

    Activity of(Customer customer, int age) {
        Customer.DigitalEngagement digital = customer.digital();
        Instant lastLogin = digital.lastLoginAt();
        boolean miniOnly = !digital.appRegistered() && digital.miniProgramBound();
        if (miniOnly && engaged(customer.lifecycleStage()) && random.nextDouble() < 0.6) {
            lastLogin = now.minusSeconds((long) (random.nextExponential() * 6 * DAY) + 60 + random.nextInt(3600));
        }
        if (lastLogin == null || lastLogin.isBefore(windowStart)) {
            return new Activity(List.of(), lastLogin);
        }
        Habits habits = habits(customer, age);
        List<Event> events = new ArrayList<>();
        Counter ids = new Counter(customer.id());
        long span = lastLogin.getEpochSecond() - windowStart.getEpochSecond();
        for (int s = 0; s < habits.sessions(); s++) {
            Instant start = s == 0 ? lastLogin : windowStart.plusSeconds(random.nextLong(Math.max(1, span)));
            Channel channel = miniOnly || digital.miniProgramBound() && random.nextDouble() < 0.3 ? Channel.MINI_PROGRAM
                    : Channel.WEB;
            events.add(event(ids, customer, EventTypes.LOGIN, channel, start, null));
            Session session = new Session(start);
            if (random.nextDouble() < habits.transfer()) {
                int transfers = 1 + random.nextInt(3);
                for (int i = 0; i < transfers; i++) {
                    events.add(event(ids, customer, EventTypes.TRANSFER, channel, session.next(), null));
                }
            }
            if (random.nextDouble() < habits.bill()) {
                events.add(event(ids, customer, EventTypes.BILL_PAYMENT, channel, session.next(), null));
            }
            if (random.nextDouble() < habits.purchase()) {
                events.add(event(ids, customer, EventTypes.PURCHASE, channel, session.next(), null));
            }
            if (random.nextDouble() < habits.view()) {
                String product = VIEWED[random.nextInt(VIEWED.length)];
                events.add(event(ids, customer, EventTypes.VIEW_PRODUCT, channel, session.next(),
                        new Event.KeyValue("productCode", product)));
                if (random.nextDouble() < habits.share()) {
                    events.add(event(ids, customer, EventTypes.SHARE, Channel.WECHAT, session.next(),
                            new Event.KeyValue("productCode", product)));
                }
            }
        }
        events.sort(Comparator.comparing(Event::occurredAt).reversed());
        return new Activity(events, lastLogin);
    }

    /** Growing and mature customers log in most; transfers and bill payments are habits some have; the young shop online. */
    private Habits habits(Customer customer, int age) {
        int sessions = switch (customer.lifecycleStage()) {
            case GROWING, MATURE -> 1 + (int) (random.nextExponential() * 2.5);
            case NEW -> 1 + (int) (random.nextExponential() * 1.5);
            default -> 1;
        };
        double transfer = random.nextDouble() < 0.3 ? 0.8 : 0.1;
        double bill = random.nextDouble() < 0.35 ? 0.5 : 0.04;
        double purchase = random.nextDouble() < (age < 40 ? 0.5 : 0.25) ? 0.6 : 0.03;
        double view = customer.assets().aum().doubleValue() >= 200_000 ? 0.7 : 0.2;
        return new Habits(Math.min(sessions, 30), transfer, bill, purchase, view, 0.15);
    }

    private static boolean engaged(LifecycleStage stage) {
        return stage == LifecycleStage.NEW || stage == LifecycleStage.GROWING || stage == LifecycleStage.MATURE;
    }

    private Event event(Counter ids, Customer customer, String type, Channel channel, Instant at, Event.KeyValue property) {
        return new Event(ids.next(), customer.id(), type, channel, at, property == null ? List.of() : List.of(property), now);
    }

    /** Moments within one session, a few seconds to minutes apart, never after now. */
    private final class Session {
        private Instant at;

        Session(Instant start) {
            this.at = start;
        }

        Instant next() {
            long room = now.getEpochSecond() - at.getEpochSecond() - 1;
            at = room <= 0 ? at : at.plusSeconds(1 + random.nextLong(Math.min(room, 600)));
            return at;
        }
    }

    /** Event IDs: the customer's ID and a counter, 32 hex digits like those of ingested events, unique by construction. */
    private static final class Counter {
        private final String prefix;
        private int next;

        Counter(String prefix) {
            this.prefix = prefix;
        }

        String next() {
            return prefix + String.format("%08x", next++);
        }
    }
}
