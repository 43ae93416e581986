package dev.strata.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.strata.shared.Channel;
import org.springframework.data.mongodb.core.query.Update;

/**
 * What the survivor of a merge looks like: the union of both portraits. Every rule is idempotent
 * (applying it to a survivor that already absorbed the other changes nothing), so a retried merge is safe.
 */
final class MergedPortrait {

    static final int RECENT = Customer.RecentEvent.KEPT;

    private MergedPortrait() {
    }

    /**
     * The survivor's update. {@code movingRef} is the merged customer's core-banking reference when it
     * moves to the survivor; the banking profile moves with it, since the feed will address it by that ref.
     */
    static Update survivorUpdate(Customer survivor, Customer merged, String movingRef, Instant now) {
        Update update = new Update()
                .set("identities", union(survivor.identities(), merged.identities(), Function.identity()))
                .set("labels", union(survivor.labels(), merged.labels(), Customer.AppliedLabel::labelId))
                .set("consents", consents(survivor.consents(), merged.consents()))
                .set("recentEvents", newest(union(survivor.recentEvents(), merged.recentEvents(),
                        Customer.RecentEvent::eventId), Customer.RecentEvent::occurredAt))
                .set("recentTouchpoints", newest(union(survivor.recentTouchpoints(), merged.recentTouchpoints(),
                        Customer.RecentTouchpoint::touchpointId), Customer.RecentTouchpoint::at))
                .set("updatedAt", now);
        String referredBy = referredBy(survivor, merged);
        if (referredBy == null) {
            update.unset("referredBy");
        } else {
            update.set("referredBy", referredBy);
        }
        if (movingRef != null) {
            takeBankingProfile(update, merged, movingRef);
            update.set("digital", new Customer.DigitalEngagement(
                    survivor.digital().appRegistered() || merged.digital().appRegistered(),
                    survivor.digital().miniProgramBound() || merged.digital().miniProgramBound(),
                    later(survivor.digital().lastLoginAt(), merged.digital().lastLoginAt())));
        } else {
            fillGaps(update, survivor, merged);
            update.set("digital.appRegistered", survivor.digital().appRegistered() || merged.digital().appRegistered())
                    .set("digital.miniProgramBound", survivor.digital().miniProgramBound() || merged.digital().miniProgramBound());
            Instant lastLogin = later(survivor.digital().lastLoginAt(), merged.digital().lastLoginAt());
            if (lastLogin != null) {
                update.set("digital.lastLoginAt", lastLogin);
            }
        }
        return update;
    }

    /** The survivor's referrer unless it has none (or it was the merged customer); never itself. */
    static String referredBy(Customer survivor, Customer merged) {
        for (String candidate : new String[] {survivor.referredBy(), merged.referredBy()}) {
            if (candidate != null && !candidate.equals(survivor.id()) && !candidate.equals(merged.id())) {
                return candidate;
            }
        }
        return null;
    }

    /** Both lists, the first's entries winning on equal keys, in order. */
    static <T, K> List<T> union(List<T> first, List<T> second, Function<T, K> key) {
        Map<K, T> byKey = new LinkedHashMap<>();
        first.forEach(item -> byKey.putIfAbsent(key.apply(item), item));
        second.forEach(item -> byKey.putIfAbsent(key.apply(item), item));
        return new ArrayList<>(byKey.values());
    }

    /** One consent per channel; the most recently updated wins, the survivor's on a tie. */
    static List<Customer.Consent> consents(List<Customer.Consent> survivor, List<Customer.Consent> merged) {
        Map<Channel, Customer.Consent> byChannel = new LinkedHashMap<>();
        survivor.forEach(c -> byChannel.putIfAbsent(c.channel(), c));
        for (Customer.Consent consent : merged) {
            Customer.Consent current = byChannel.get(consent.channel());
            if (current == null || isAfter(consent.updatedAt(), current.updatedAt())) {
                byChannel.put(consent.channel(), consent);
            }
        }
        return new ArrayList<>(byChannel.values());
    }

    static <T> List<T> newest(List<T> items, Function<T, Instant> at) {
        return items.stream().sorted(Comparator.comparing(at, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(RECENT).toList();
    }

    private static void takeBankingProfile(Update update, Customer merged, String ref) {
        update.set("externalRef", ref).set("name", merged.name()).set("source", merged.source())
                .set("lifecycleStage", merged.lifecycleStage()).set("assets", merged.assets())
                .set("products", merged.products()).set("tier", merged.tier()).set("tierHistory", merged.tierHistory())
                .set("value", merged.value()).set("balanceMonths", merged.balanceMonths());
        setOrUnset(update, "gender", merged.gender());
        setOrUnset(update, "birthDate", merged.birthDate());
        setOrUnset(update, "phone", merged.phone());
        setOrUnset(update, "idNumber", merged.idNumber());
        setOrUnset(update, "riskLevel", merged.riskLevel());
        setOrUnset(update, "riskAssessedAt", merged.riskAssessedAt());
        setOrUnset(update, "branchCode", merged.branchCode());
        setOrUnset(update, "managerCode", merged.managerCode());
        setOrUnset(update, "contentHash", merged.contentHash());
    }

    /** Attributes only the merged customer knows are kept; the survivor's own values are never overwritten. */
    private static void fillGaps(Update update, Customer survivor, Customer merged) {
        Map<String, Object[]> pairs = new LinkedHashMap<>();
        pairs.put("gender", new Object[] {survivor.gender(), merged.gender()});
        pairs.put("birthDate", new Object[] {survivor.birthDate(), merged.birthDate()});
        pairs.put("phone", new Object[] {survivor.phone(), merged.phone()});
        pairs.put("idNumber", new Object[] {survivor.idNumber(), merged.idNumber()});
        pairs.put("preferredChannel", new Object[] {survivor.preferredChannel(), merged.preferredChannel()});
        pairs.forEach((field, values) -> {
            if (values[0] == null && values[1] != null) {
                update.set(field, values[1]);
            }
        });
    }

    private static void setOrUnset(Update update, String field, Object value) {
        if (value == null) {
            update.unset(field);
        } else {
            update.set(field, value);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static boolean isAfter(Instant candidate, Instant current) {
        return candidate != null && (current == null || candidate.isAfter(current));
    }
}
