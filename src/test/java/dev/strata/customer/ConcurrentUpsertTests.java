package dev.strata.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.strata.security.Role;
import dev.strata.support.StrataIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Feeds racing on the same new customers create each exactly once; a loser's row is a retryable CONFLICT, never a duplicate. */
class ConcurrentUpsertTests extends StrataIntegrationTest {

    private static final int ROWS = 40;
    private static final int FEEDS = 4;

    @Test
    void racingBatchesCreateEveryCustomerExactlyOnce() throws Exception {
        String feed = userToken(unique("feed"), Role.SERVICE);
        String ref = unique("RACE");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(Map.of("externalRef", ref + "x" + i, "name", "竞争" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(FEEDS);
        List<Callable<Map>> calls = new ArrayList<>();
        for (int f = 0; f < FEEDS; f++) {
            calls.add(() -> as(feed).documentName("feed/UpsertCustomers")
                    .variable("input", Map.of("customers", rows)).execute()
                    .path("upsertCustomers").entity(Map.class).get());
        }
        int created = 0;
        for (Future<Map> result : pool.invokeAll(calls)) {
            created += (Integer) result.get().get("created");
            for (Object row : (List<?>) result.get().get("rows")) {
                List<?> errors = (List<?>) ((Map<?, ?>) row).get("userErrors");
                assertThat(errors.toString()).as("a racing row either succeeds or is a CONFLICT").matches("\\[]|.*CONFLICT.*");
            }
        }
        pool.shutdown();
        assertThat(created).as("customers created across all racing batches").isEqualTo(ROWS);
        for (int i = 0; i < ROWS; i++) {
            as(feed).documentName("feed/CustomerByRef").variable("externalRef", ref + "x" + i).execute()
                    .path("customerByRef.externalRef").entity(String.class).isEqualTo(ref + "x" + i);
        }
        String marketer = userToken(unique("mkt"), Role.MARKETER);
        as(marketer).documentName("mobile/MyCustomers").variable("filter", Map.of("search", ref + "x1"))
                .execute().path("customers.totalCount").entity(Integer.class).isEqualTo(1);
    }
}
