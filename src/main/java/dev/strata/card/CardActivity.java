package dev.strata.card;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Card visits and leads per RM over a period, summed from the per-day counters by {@code _id} (no scan of visits). */
@Service
public class CardActivity {

    private final MongoTemplate mongo;
    private final CardCounters counters;

    CardActivity(MongoTemplate mongo, CardCounters counters) {
        this.mongo = mongo;
        this.counters = counters;
    }

    /** Visits and leads of one RM over a period. */
    public record Totals(long visits, long leads) {
        public static final Totals NONE = new Totals(0, 0);
    }

    /** Each RM's totals over the days [from, to] (both inclusive, in STRATA_TIME_ZONE); RMs with none are absent. */
    public Map<String, Totals> totals(List<String> managerCodes, LocalDate from, LocalDate to) {
        List<String> keys = new ArrayList<>();
        for (String code : managerCodes) {
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                keys.add(CardDay.key(code, day));
            }
        }
        counters.flush();
        Map<String, Totals> totals = new HashMap<>();
        if (keys.isEmpty()) {
            return totals;
        }
        for (CardDay day : mongo.find(Query.query(Criteria.where("_id").in(keys)), CardDay.class)) {
            totals.merge(day.managerCode(), new Totals(day.visits(), day.leads()),
                    (a, b) -> new Totals(a.visits() + b.visits(), a.leads() + b.leads()));
        }
        return totals;
    }
}
