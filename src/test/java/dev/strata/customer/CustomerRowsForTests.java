package dev.strata.customer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random core-banking feed rows that move a customer between branches, RMs, risk levels, sources, consents and products. */
final class CustomerRowsForTests {

    private CustomerRowsForTests() {
    }

    static Map<String, Object> row(String ref, Random random, Map<String, String> managerBranches, List<String> products,
            List<String> channels, List<String> amounts) {
        Map<String, Object> row = new HashMap<>();
        row.put("externalRef", ref);
        row.put("name", "李娜");
        List<String> managers = new ArrayList<>(managerBranches.keySet());
        String manager = random.nextInt(4) == 0 ? null : managers.get(random.nextInt(managers.size()));
        if (manager != null) {
            row.put("managerCode", manager);
            row.put("branchCode", managerBranches.get(manager));
        } else if (random.nextBoolean()) {
            row.put("branchCode", managerBranches.get(managers.get(random.nextInt(managers.size()))));
        }
        if (random.nextInt(3) > 0) {
            row.put("riskLevel", "C" + (1 + random.nextInt(5)));
        }
        row.put("source", List.of("EXISTING", "OUTREACH", "WALK_IN").get(random.nextInt(3)));
        String amount = amounts.get(random.nextInt(amounts.size()));
        row.put("aum", amount);
        row.put("deposits", amount);
        row.put("monthlyAvgDailyDeposit", amount);
        if (random.nextInt(4) > 0) {
            List<Map<String, Object>> consents = new ArrayList<>();
            for (String channel : channels) {
                if (random.nextBoolean()) {
                    consents.add(Map.of("channel", channel, "granted", random.nextBoolean()));
                }
            }
            row.put("consents", consents);
        }
        if (random.nextInt(4) > 0) {
            List<Map<String, Object>> held = new ArrayList<>();
            for (String product : products) {
                if (random.nextBoolean()) {
                    held.add(Map.of("code", product, "balance", "100.00"));
                }
            }
            row.put("products", held);
        }
        return row;
    }
}
