package dev.strata.manager;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.strata.branch.BranchService;
import dev.strata.graphql.Codes;
import dev.strata.graphql.UserError;
import dev.strata.shared.RecentReads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Relationship managers: the unit of an RM's data scope. */
@Service
public class ManagerService {

    /** Most rows one call may send. */
    static final int MAX_ROWS = 1000;

    private final MongoTemplate mongo;
    private final BranchService branches;
    private final Clock clock;
    private final RecentReads<RelationshipManager> recent;

    ManagerService(MongoTemplate mongo, BranchService branches, Clock clock,
            @Value("${strata.reference-data.max-age:PT5S}") Duration maxAge) {
        this.recent = new RecentReads<>(maxAge, 10_000);
        this.mongo = mongo;
        this.branches = branches;
        this.clock = clock;
    }

    /** Result of an upsert: the stored managers and the rows refused. */
    public record UpsertResult(List<RelationshipManager> managers, List<UserError> userErrors) {
    }

    @PreAuthorize("hasRole('ADMIN')")
    public UpsertResult upsert(List<ManagerInput> rows) {
        if (rows.size() > MAX_ROWS) {
            return new UpsertResult(List.of(), List.of(UserError.tooMany(MAX_ROWS, "managers")));
        }
        List<RelationshipManager> stored = new ArrayList<>();
        List<UserError> errors = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ManagerInput row = rows.get(i);
            UserError error = Codes.checkRow(row.code(), row.name(), "managers", i);
            if (error != null) {
                errors.add(error);
            } else if (!branches.exists(row.branchCode())) {
                errors.add(UserError.of("UNKNOWN_BRANCH", "no such branch", "managers",
                        String.valueOf(i), "branchCode"));
            } else {
                stored.add(mongo.save(new RelationshipManager(row.code(), row.name().trim(), row.branchCode(), row.title(),
                        row.phone(), clock.instant())));
                recent.written(List.of(row.code()));
            }
        }
        return new UpsertResult(stored, errors);
    }

    public RelationshipManager find(String code) {
        return code == null ? null : mongo.findById(code, RelationshipManager.class);
    }

    /** Managers by code, for batched field resolution: as read within the last few seconds ({@link RecentReads}). */
    public Map<String, RelationshipManager> findAll(Collection<String> codes) {
        return recent.get(codes, missing -> mongo.find(Query.query(Criteria.where("_id").in(missing)), RelationshipManager.class)
                .stream().collect(Collectors.toMap(RelationshipManager::code, Function.identity())));
    }
}
