package dev.strata.performance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.strata.graphql.Batches;
import dev.strata.manager.ManagerService;
import dev.strata.manager.RelationshipManager;
import dev.strata.shared.Scope;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry to the RMs' performance (考核) over a period. */
@Controller
class PerformanceController {

    private final PerformanceService performance;
    private final ManagerService managers;

    PerformanceController(PerformanceService performance, ManagerService managers) {
        this.performance = performance;
        this.managers = managers;
    }

    @QueryMapping
    List<ManagerPerformance> managerPerformance(@Argument LocalDate from, @Argument LocalDate to,
            @Argument String branchCode, Scope scope) {
        return performance.report(from, to, branchCode, scope);
    }

    @BatchMapping(typeName = "ManagerPerformance")
    Map<ManagerPerformance, RelationshipManager> manager(List<ManagerPerformance> rows) {
        Map<String, RelationshipManager> byCode = managers.findAll(rows.stream().map(ManagerPerformance::managerCode).toList());
        return Batches.byKey(rows, r -> byCode.get(r.managerCode()));
    }
}
