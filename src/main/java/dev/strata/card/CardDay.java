package dev.strata.card;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One RM's card visits and leads on one day ({@code managerCode:date}), so performance sums a period without a scan of visits. */
@Document("card_days")
public record CardDay(@Id String id, String managerCode, LocalDate day, Long visits, Long leads) {

    /** A day with no lead has no {@code leads} field (only incremented): zero. */
    public CardDay {
        visits = visits == null ? 0L : visits;
        leads = leads == null ? 0L : leads;
    }

    static String key(String managerCode, LocalDate day) {
        return managerCode + ":" + day;
    }
}
