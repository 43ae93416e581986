package dev.strata.customer;

import dev.strata.shared.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.strata.audience.AudienceKeys;
import dev.strata.graphql.GlobalId;
import org.springframework.data.mongodb.core.query.Criteria;

/** The {@code customers(filter:)} argument: free-text search plus tier, branch, RM and label. */
public record CustomerFilter(String search, List<Tier> tierIn, String branchId, String managerId, String labelId) {

    boolean hasSearch() {
        return search != null && !search.isBlank();
    }

    /** Audience keys every match must have: branch, manager and label. */
    List<String> requiredKeys() {
        List<String> keys = new ArrayList<>();
        if (branchId != null) {
            keys.add(AudienceKeys.branch(GlobalId.localId(branchId, "Branch")));
        }
        if (managerId != null) {
            keys.add(AudienceKeys.manager(GlobalId.localId(managerId, "RelationshipManager")));
        }
        if (labelId != null) {
            keys.add(AudienceKeys.label(GlobalId.localId(labelId, "Label")));
        }
        return keys;
    }

    /** Audience keys of which a match must have at least one. */
    List<String> tierKeys() {
        return tierIn == null ? List.of() : tierIn.stream().map(t -> AudienceKeys.of("tier", t)).toList();
    }

    /** The filter as MongoDB criteria, to be combined with the caller's scope. */
    Criteria criteria() {
        List<Criteria> parts = new ArrayList<>();
        if (search != null && !search.isBlank()) {
            String term = search.trim();
            parts.add(new Criteria().orOperator(
                    Criteria.where("externalRef").is(term),
                    Criteria.where("phone").is(term),
                    Criteria.where("name").regex("^" + Pattern.quote(term))));
        }
        if (tierIn != null && !tierIn.isEmpty()) {
            parts.add(Criteria.where("tier").in(tierIn));
        }
        if (branchId != null) {
            parts.add(Criteria.where("branchCode").is(GlobalId.localId(branchId, "Branch")));
        }
        if (managerId != null) {
            parts.add(Criteria.where("managerCode").is(GlobalId.localId(managerId, "RelationshipManager")));
        }
        if (labelId != null) {
            parts.add(Criteria.where("labels.labelId").is(GlobalId.localId(labelId, "Label")));
        }
        return parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts);
    }
}
