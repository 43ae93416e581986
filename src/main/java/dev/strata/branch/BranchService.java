package dev.strata.branch;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.strata.graphql.Codes;
import dev.strata.graphql.UserError;
import dev.strata.shared.RecentReads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Branches: the unit of a branch manager's data scope. */
@Service
public class BranchService {

    /** Most rows one call may send. */
    static final int MAX_ROWS = 1000;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final RecentReads<Branch> recent;

    BranchService(MongoTemplate mongo, Clock clock,
            @Value("${strata.reference-data.max-age:PT5S}") Duration maxAge) {
        this.mongo = mongo;
        this.clock = clock;
        this.recent = new RecentReads<>(maxAge, 10_000);
    }

    /** Result of an upsert: the stored branches and the rows refused. */
    public record UpsertResult(List<Branch> branches, List<UserError> userErrors) {
    }

    @PreAuthorize("hasRole('ADMIN')")
    public UpsertResult upsert(List<BranchInput> rows) {
        if (rows.size() > MAX_ROWS) {
            return new UpsertResult(List.of(), List.of(UserError.tooMany(MAX_ROWS, "branches")));
        }
        List<Branch> stored = new ArrayList<>();
        List<UserError> errors = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            BranchInput row = rows.get(i);
            UserError error = Codes.checkRow(row.code(), row.name(), "branches", i);
            if (error != null) {
                errors.add(error);
            } else {
                Branch branch = new Branch(row.code(), row.name().trim(), row.city(), clock.instant());
                stored.add(mongo.save(branch));
                recent.written(List.of(branch.code()));
            }
        }
        return new UpsertResult(stored, errors);
    }

    public Branch find(String code) {
        return code == null ? null : mongo.findById(code, Branch.class);
    }

    public boolean exists(String code) {
        return code != null && mongo.exists(Query.query(Criteria.where("_id").is(code)), Branch.class);
    }

    /** Branches by code, for batched field resolution: as read within the last few seconds ({@link RecentReads}). */
    public Map<String, Branch> findAll(Collection<String> codes) {
        return recent.get(codes, missing -> mongo.find(Query.query(Criteria.where("_id").in(missing)), Branch.class).stream()
                .collect(Collectors.toMap(Branch::code, Function.identity())));
    }
}
