package dev.strata.card;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One visitor on one RM's radar, keyed {@code managerCode:customerId} so each visit is one atomic upsert on a unique
 * key; counts per action and the products looked at (at most the card's six) feed the heat score.
 */
@Document("card_visitors")
record CardVisitorEntry(@Id String id, String managerCode, String customerId, Integer visits, Integer views,
        Integer productViews, Integer callTaps, Integer shares, Integer contacts, List<String> productCodes,
        Instant firstVisitAt, Instant lastVisitAt, Boolean leftContact, String possibleMatchId) {

    /** Counters an action never incremented are absent from the document: zero. */
    CardVisitorEntry {
        productCodes = productCodes == null ? List.of() : productCodes;
        visits = visits == null ? 0 : visits;
        views = views == null ? 0 : views;
        productViews = productViews == null ? 0 : productViews;
        callTaps = callTaps == null ? 0 : callTaps;
        shares = shares == null ? 0 : shares;
        contacts = contacts == null ? 0 : contacts;
        leftContact = leftContact != null && leftContact;
    }

    static String key(String managerCode, String customerId) {
        return managerCode + ":" + customerId;
    }

    /** How warm the visitor is: weighted actions, halved for every week since the last visit. */
    double heat(Instant now) {
        double points = views + 2.0 * productViews + 5.0 * callTaps + 3.0 * shares + 8.0 * contacts;
        double weeks = Math.max(0, now.toEpochMilli() - lastVisitAt.toEpochMilli()) / (7 * 86_400_000.0);
        return Math.round(points * Math.pow(0.5, weeks) * 10) / 10.0;
    }
}
