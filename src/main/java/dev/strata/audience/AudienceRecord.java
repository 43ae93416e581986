package dev.strata.audience;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One customer as the index sees it; a record with {@code live=false} removes the seq from everything.
 * Single-valued attributes are null when unknown; lists and measures are never null (a measure the customer has
 * no value for is absent from {@code measures}). {@code revision} counts the stored document's writes, so a record
 * read before a write the index already holds can be told apart and refused.
 */
public record AudienceRecord(int seq, boolean live, String branch, String manager, String tier, String source,
        String lifecycle, String risk, String quadrant, List<String> labels, List<String> products, List<String> consents,
        Map<Measure, Long> measures, long revision) {

    public AudienceRecord {
        labels = labels == null ? List.of() : labels;
        products = products == null ? List.of() : products;
        consents = consents == null ? List.of() : consents;
        measures = present(measures);
    }

    /** A customer at revision 0: as first written. */
    public AudienceRecord(int seq, boolean live, String branch, String manager, String tier, String source,
            String lifecycle, String risk, String quadrant, List<String> labels, List<String> products, List<String> consents,
            Map<Measure, Long> measures) {
        this(seq, live, branch, manager, tier, source, lifecycle, risk, quadrant, labels, products, consents, measures, 0);
    }

    /** A customer with no numeric values. */
    public AudienceRecord(int seq, boolean live, String branch, String manager, String tier, String source,
            String lifecycle, String risk, String quadrant, List<String> labels, List<String> products, List<String> consents) {
        this(seq, live, branch, manager, tier, source, lifecycle, risk, quadrant, labels, products, consents, Map.of());
    }

    private static Map<Measure, Long> present(Map<Measure, Long> measures) {
        if (measures == null || measures.isEmpty()) {
            return Map.of();
        }
        Map<Measure, Long> copy = new EnumMap<>(Measure.class);
        measures.forEach((measure, value) -> {
            if (measure != null && value != null) {
                copy.put(measure, value);
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    /** A customer merged away (or otherwise gone): in no bitmap at all. */
    public static AudienceRecord gone(int seq) {
        return gone(seq, 0);
    }

    /** A customer gone as of {@code revision}. */
    public static AudienceRecord gone(int seq, long revision) {
        return new AudienceRecord(seq, false, null, null, null, null, null, null, null, List.of(), List.of(), List.of(), Map.of(),
                revision);
    }

    /** The value of a single-valued attribute (null when none). */
    String single(Attribute attribute) {
        return switch (attribute) {
            case BRANCH -> branch;
            case MANAGER -> manager;
            case TIER -> tier;
            case SOURCE -> source;
            case LIFECYCLE -> lifecycle;
            case RISK -> risk;
            case QUADRANT -> quadrant;
            case LABEL, PRODUCT, CONSENT -> throw new IllegalArgumentException(attribute + " is multi-valued");
        };
    }

    /** The values of a multi-valued attribute. */
    List<String> multiple(Attribute attribute) {
        return switch (attribute) {
            case LABEL -> labels;
            case PRODUCT -> products;
            case CONSENT -> consents;
            default -> throw new IllegalArgumentException(attribute + " is single-valued");
        };
    }
}
