package dev.strata.customer;

import dev.strata.shared.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.strata.audience.Attribute;
import dev.strata.graphql.GlobalId;
import org.springframework.data.mongodb.core.query.Criteria;

/** The {@code customers(filter:)} argument: free-text search plus tier, branch, RM, label and segment. */
public record CustomerFilter(String search, List<Tier> tierIn, String branchId, String managerId, String labelId,
        String segmentId) {

    boolean hasSearch() {
        return search != null && !search.isBlank();
    }

    /** One indexed condition: a match has at least one of {@code anyOf} for {@code attribute}. */
    record Condition(Attribute attribute, List<String> anyOf) {
    }

    /** The indexed conditions every match must meet: branch, manager, label and tier (any of {@code tierIn}). */
    List<Condition> conditions() {
        List<Condition> conditions = new ArrayList<>();
        if (branchId != null) {
            conditions.add(new Condition(Attribute.BRANCH, List.of(GlobalId.localId(branchId, "Branch"))));
        }
        if (managerId != null) {
            conditions.add(new Condition(Attribute.MANAGER, List.of(GlobalId.localId(managerId, "RelationshipManager"))));
        }
        if (labelId != null) {
            conditions.add(new Condition(Attribute.LABEL, List.of(GlobalId.localId(labelId, "Label"))));
        }
        if (tierIn != null && !tierIn.isEmpty()) {
            conditions.add(new Condition(Attribute.TIER, tierIn.stream().map(Tier::name).toList()));
        }
        return conditions;
    }

    /**
     * The filter as MongoDB criteria, to be combined with the caller's scope. The search term matches phone and
     * ID numbers only where {@code viewer} reads them in clear (see {@link Masking}).
     */
    Criteria criteria(dev.strata.security.StrataPrincipal viewer) {
        List<Criteria> parts = new ArrayList<>();
        if (search != null && !search.isBlank()) {
            String term = search.trim();
            List<Criteria> matches = new ArrayList<>(List.of(Criteria.where("externalRef").is(term),
                    Criteria.where("name").regex("^" + Pattern.quote(term))));
            Criteria phone = Masking.phoneSearch(viewer, term);
            Criteria idNumber = Masking.idNumberSearch(viewer, term);
            if (phone != null) {
                matches.add(phone);
            }
            if (idNumber != null) {
                matches.add(idNumber);
            }
            parts.add(new Criteria().orOperator(matches));
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
