package dev.strata.scoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.strata.customer.Customer;
import dev.strata.shared.Scope;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Scoring over GraphQL: the model, its changes, rescoring, and the tier and value analytics. */
@Controller
class ScoringController {

    private final ScoringService scoring;
    private final ScoringAnalytics analytics;

    ScoringController(ScoringService scoring, ScoringAnalytics analytics) {
        this.scoring = scoring;
        this.analytics = analytics;
    }

    /** Input of {@code recomputeScores}. */
    record RecomputeScoresInput(List<String> customerIds) {
    }

    @QueryMapping
    ScoringModel scoringModel(@Argument Integer version) {
        return scoring.model(version);
    }

    @QueryMapping
    ScoringRun scoringRun(@Argument String id) {
        return scoring.run(id);
    }

    @QueryMapping
    List<ScoringAnalytics.TierCount> tierDistribution(@Argument String branchCode, Scope scope) {
        return analytics.tierDistribution(branchCode, scope);
    }

    @QueryMapping
    List<ScoringAnalytics.QuadrantCount> valueMatrix(@Argument String branchCode, Scope scope) {
        return analytics.valueMatrix(branchCode, scope);
    }

    @QueryMapping
    List<ScoringAnalytics.TierMigration> tierMigration(@Argument LocalDate from, @Argument LocalDate to,
            @Argument String branchCode, Scope scope) {
        return analytics.tierMigration(from, to, branchCode, scope);
    }

    @MutationMapping
    ScoringService.UpdateResult updateScoringModel(@Argument ModelChange.Input input) {
        return scoring.update(input);
    }

    @MutationMapping
    ScoringService.RecomputeResult recomputeScores(@Argument RecomputeScoresInput input, Scope scope) {
        return scoring.recompute(input.customerIds(), scope);
    }

    @SchemaMapping(typeName = "Customer")
    List<Scorecard.Contribution> scoreExplanation(Customer customer) {
        return scoring.explain(customer);
    }
}
