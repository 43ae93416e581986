package dev.strata.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;

/** What {@code Campaign.stats} shows, computed from the counters document. */
record CampaignStatsView(int audienceSize, int enrolled, int control, int sent, int delivered, int opened, int clicked,
        int converted, int suppressed, int failed, int unsubscribed, int convertedCustomers, int controlConverted,
        double conversionRate, double controlConversionRate, double uplift, BigDecimal cost, BigDecimal revenue, double roi,
        List<FunnelStats> byChannel, List<FunnelStats> byStep, List<FunnelStats> byVariant) {

    /** The funnel of one channel, step or variant. */
    record FunnelStats(String key, int sent, int delivered, int opened, int clicked, int converted, int suppressed,
            int failed, BigDecimal cost, BigDecimal revenue) {

        static FunnelStats of(String key, Document d) {
            return new FunnelStats(key, count(d, "sent"), count(d, "delivered"), count(d, "opened"), count(d, "clicked"),
                    count(d, "converted"), count(d, "suppressed"), count(d, "failed"), cents(d, "costCents"),
                    cents(d, "revenueCents"));
        }
    }

    static CampaignStatsView of(Document stats) {
        Document t = sub(stats, "t");
        FunnelStats total = FunnelStats.of("total", t);
        int enrolled = count(stats, "enrolled");
        int control = count(stats, "control");
        int treated = enrolled - control;
        int convertedCustomers = count(stats, "convertedCustomers");
        int controlConverted = count(stats, "controlConverted");
        double rate = treated <= 0 ? 0 : (double) convertedCustomers / treated;
        double controlRate = control <= 0 ? 0 : (double) controlConverted / control;
        double roi = total.cost().signum() == 0 ? 0
                : total.revenue().subtract(total.cost()).divide(total.cost(), 6, RoundingMode.HALF_EVEN).doubleValue();
        return new CampaignStatsView(count(stats, "audienceSize"), enrolled, control, total.sent(), total.delivered(),
                total.opened(), total.clicked(), total.converted(), total.suppressed(), total.failed(),
                count(stats, "unsubscribed"), convertedCustomers, controlConverted, rate, controlRate, rate - controlRate,
                total.cost(), total.revenue(), roi, funnels(sub(stats, "ch")), funnels(sub(stats, "st")),
                funnels(sub(stats, "v")));
    }

    private static List<FunnelStats> funnels(Document group) {
        List<FunnelStats> funnels = new ArrayList<>();
        for (Map.Entry<String, Object> entry : group.entrySet()) {
            if (entry.getValue() instanceof Document d) {
                funnels.add(FunnelStats.of(entry.getKey(), d));
            }
        }
        funnels.sort(java.util.Comparator.comparing(FunnelStats::key));
        return funnels;
    }

    private static Document sub(Document d, String key) {
        return d.get(key) instanceof Document sub ? sub : new Document();
    }

    static int count(Document d, String key) {
        return d.get(key) instanceof Number n ? n.intValue() : 0;
    }

    private static BigDecimal cents(Document d, String key) {
        return BigDecimal.valueOf(d.get(key) instanceof Number n ? n.longValue() : 0, 2);
    }
}
