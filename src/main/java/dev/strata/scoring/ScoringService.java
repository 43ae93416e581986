package dev.strata.scoring;

import java.time.Clock;
import java.util.List;

import dev.strata.customer.Customer;
import dev.strata.customer.CustomerRefs;
import dev.strata.customer.ProjectedCustomers;
import dev.strata.graphql.NotFoundException;
import dev.strata.graphql.UserError;
import dev.strata.security.Viewers;
import dev.strata.shared.Scope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The scoring model (read by staff, changed by admins, each change a new version) and rescoring on request. */
@Service
public class ScoringService {

    static final int MAX_CUSTOMERS = 10_000;
    static final String STAFF = "hasAnyRole('ADMIN','MARKETER','ANALYST','BRANCH_MANAGER','RELATIONSHIP_MANAGER')";

    private final ScoringModels models;
    private final ScoringRuns runs;
    private final Rescorer rescorer;
    private final CustomerRefs refs;
    private final ProjectedCustomers customers;
    private final Clock clock;

    ScoringService(ScoringModels models, ScoringRuns runs, Rescorer rescorer, CustomerRefs refs, ProjectedCustomers customers,
            Clock clock) {
        this.models = models;
        this.runs = runs;
        this.rescorer = rescorer;
        this.refs = refs;
        this.customers = customers;
        this.clock = clock;
    }

    /** Outcome of {@code updateScoringModel}: the new version and the run rescoring everyone with it. */
    public record UpdateResult(ScoringModel model, int queued, ScoringRun run, List<UserError> userErrors) {
    }

    /** Outcome of {@code recomputeScores}: customers queued for a background run, or rescored at once. */
    public record RecomputeResult(int queued, int rescored, int changed, ScoringRun run, List<UserError> userErrors) {
    }

    @PreAuthorize(STAFF)
    public ScoringModel model(Integer version) {
        if (version == null) {
            return models.current();
        }
        ScoringModel model = models.version(version);
        if (model == null) {
            throw new NotFoundException("no such scoring model version");
        }
        return model;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public UpdateResult update(ModelChange.Input input) {
        ModelChange.Result change = ModelChange.apply(models.current(), input, clock.instant(), Viewers.name());
        if (!change.userErrors().isEmpty()) {
            return new UpdateResult(null, 0, null, change.userErrors());
        }
        if (!models.add(change.model())) {
            return new UpdateResult(null, 0, null, List.of(UserError.of("CONFLICT",
                    "another change made version " + change.model().version() + " first; read the model and retry")));
        }
        ScoringRun run = runs.start("scoring model version " + change.model().version());
        return new UpdateResult(change.model(), run.total(), run, List.of());
    }

    @PreAuthorize("hasRole('ADMIN')")
    public RecomputeResult recompute(List<String> customerIds, Scope scope) {
        if (customerIds == null) {
            ScoringRun run = runs.start("requested by " + Viewers.name());
            return new RecomputeResult(run.total(), 0, 0, run, List.of());
        }
        if (customerIds.size() > MAX_CUSTOMERS) {
            return new RecomputeResult(0, 0, 0, null, List.of(UserError.tooMany(MAX_CUSTOMERS, "customerIds")));
        }
        CustomerRefs.ResolvedList resolved = refs.forChange(customerIds, scope, "customerIds");
        List<String> ids = resolved.customers().stream().map(Customer::id).distinct().toList();
        Rescorer.Outcome outcome = rescorer.rescore(customers.byIds(ids, Facts.FIELDS));
        return new RecomputeResult(0, outcome.scored(), outcome.changed(), null, resolved.userErrors());
    }

    @PreAuthorize("hasRole('ADMIN')")
    public ScoringRun run(String id) {
        return runs.find(id);
    }

    /** Each indicator's input, sub-score, weight and contribution, by the model version that produced the customer's scores. */
    public List<Scorecard.Contribution> explain(Customer customer) {
        Integer version = customer.value().modelVersion();
        ScoringModel model = version == null ? null : models.version(version);
        model = model == null ? models.current() : model;
        Facts facts = Facts.of(customer, rescorer.churnLabel().id());
        return Engine.score(facts, model, clock.instant(), rescorer.zone(), rescorer.catalogue()).scores().contributions();
    }
}
