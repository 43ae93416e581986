package dev.strata.rule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.strata.audience.Attribute;
import dev.strata.audience.AudienceIndex;
import dev.strata.audience.AudienceView;
import dev.strata.graphql.GlobalId;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Evaluates a (validated) rule as bitmap algebra over the audience index: exact, and milliseconds over
 * millions of customers. The result is every live customer matching; callers intersect it with the
 * viewer's scope.
 */
@Component
public class RuleEvaluator {

    /** How deep segment and RULE label references may nest before evaluation stops (validation refuses cycles first). */
    static final int MAX_SEGMENT_HOPS = 10;
    /** The members of a label nobody can be in: shared, never mutated. */
    private static final RoaringBitmap NOBODY = new RoaringBitmap();

    private final AudienceIndex index;
    private final LabelKeys labels;
    private final SegmentRules segments;
    private final RuleLabelMembers ruleLabels;
    private final Clock clock;
    private final ZoneId zone;

    RuleEvaluator(AudienceIndex index, LabelKeys labels, SegmentRules segments, RuleLabelMembers ruleLabels, Clock clock,
            @Value("${strata.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.index = index;
        this.labels = labels;
        this.segments = segments;
        this.ruleLabels = ruleLabels;
        this.clock = clock;
        this.zone = zone;
    }

    /** Every live customer the rule matches (a new bitmap the caller owns). */
    public RoaringBitmap members(SegmentRule rule) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Map<String, LabelKeys.LabelRef> labelRefs = labels.byKey(rule.labelKeys());
        return index.read(view -> new Evaluation(view, today, labelRefs, new IndexReads()).eval(rule, view.everyone(), 0));
    }

    /**
     * One evaluation under the index's read lock: the index view, "today", the resolved label keys, and what it read of
     * the index (so a RULE label's members can be kept until that changes).
     */
    private final class Evaluation {

        private final AudienceView view;
        private final LocalDate today;
        private final Map<String, LabelKeys.LabelRef> labelRefs;
        private final IndexReads reads;

        Evaluation(AudienceView view, LocalDate today, Map<String, LabelKeys.LabelRef> labelRefs, IndexReads reads) {
            this.view = view;
            this.today = today;
            this.labelRefs = labelRefs;
            this.reads = reads;
        }

        /** The members of {@code rule} among {@code within}, as a new bitmap. */
        RoaringBitmap eval(SegmentRule rule, RoaringBitmap within, int hops) {
            if (rule.and() != null) {
                RoaringBitmap result = within;
                for (SegmentRule child : cheapestFirst(rule.and())) {
                    result = eval(child, result, hops);
                    if (result.isEmpty()) {
                        break;
                    }
                }
                return result == within ? within.clone() : result;
            }
            if (rule.or() != null) {
                return anyChild(rule.or(), within, hops);
            }
            if (rule.not() != null) {
                return RoaringBitmap.andNot(within, eval(rule.not(), within, hops));
            }
            return leaf(rule, within, hops);
        }

        private RoaringBitmap leaf(SegmentRule rule, RoaringBitmap within, int hops) {
            RoaringBitmap matching = amongEveryone(rule, hops);
            if (matching != null) {
                return RoaringBitmap.and(within, matching);
            }
            if (rule.inSegment() != null) {
                reads.notKeepable();
                return segment(rule.inSegment(), within, hops);
            }
            if (rule.numeric() != null) {
                reads.profiles();
                NumericBounds.Range range = NumericBounds.of(rule.numeric(), today);
                return view.range(range.measure(), range.gte(), range.lt(), within);
            }
            throw new IllegalArgumentException("A rule node without a condition reached evaluation");
        }

        /** The members of an {@code or} among {@code within}: one union of its parts, cut to {@code within} once. */
        private RoaringBitmap anyChild(List<SegmentRule> children, RoaringBitmap within, int hops) {
            List<RoaringBitmap> parts = new ArrayList<>(children.size());
            for (SegmentRule child : children) {
                RoaringBitmap matching = child.children().isEmpty() ? amongEveryone(child, hops) : null;
                parts.add(matching != null ? matching : eval(child, within, hops));
            }
            RoaringBitmap union = FastAggregation.or(parts.iterator());
            union.and(within);
            return union;
        }

        /**
         * A leaf's members among every live customer when they are one stored, kept or unioned bitmap (stored and
         * kept ones are shared: never mutate the result); null for leaves better worked out within a narrower set
         * (numeric ranges scan it, nested segments evaluate within it).
         */
        private RoaringBitmap amongEveryone(SegmentRule rule, int hops) {
            if (rule.hasLabel() != null) {
                return label(labelRefs.get(rule.hasLabel()), hops);
            }
            if (rule.event() != null) {
                reads.events(rule.event().type());
                return events(rule.event());
            }
            if (rule.numeric() != null || rule.inSegment() != null) {
                return null;
            }
            reads.profiles();
            if (rule.tierIn() != null) {
                return anyOf(Attribute.TIER, names(rule.tierIn()));
            }
            if (rule.quadrantIn() != null) {
                return anyOf(Attribute.QUADRANT, names(rule.quadrantIn()));
            }
            if (rule.sourceIn() != null) {
                return anyOf(Attribute.SOURCE, names(rule.sourceIn()));
            }
            if (rule.lifecycleIn() != null) {
                return anyOf(Attribute.LIFECYCLE, names(rule.lifecycleIn()));
            }
            if (rule.riskLevelIn() != null) {
                return anyOf(Attribute.RISK, names(rule.riskLevelIn()));
            }
            if (rule.branchIn() != null) {
                return anyOf(Attribute.BRANCH, rule.branchIn());
            }
            if (rule.managerIn() != null) {
                return anyOf(Attribute.MANAGER, rule.managerIn());
            }
            if (rule.hasProduct() != null) {
                return view.bitmap(Attribute.PRODUCT, rule.hasProduct());
            }
            if (rule.consentTo() != null) {
                return view.bitmap(Attribute.CONSENT, rule.consentTo().name());
            }
            return null;
        }

        private RoaringBitmap events(SegmentRule.EventCondition event) {
            int to = Math.toIntExact(today.toEpochDay());
            int from = to - event.withinDays() + 1;
            return view.events(event.type(), event.channel() == null ? null : event.channel().name(), from, to,
                    event.minCountOrDefault());
        }

        private RoaringBitmap segment(String globalId, RoaringBitmap within, int hops) {
            String id = GlobalId.localIdOrNull(globalId, "Segment");
            if (id == null || hops >= MAX_SEGMENT_HOPS) {
                return new RoaringBitmap();
            }
            return segments.ruleOf(id).map(nested -> nested(nested, within, hops)).orElseGet(RoaringBitmap::new);
        }

        /**
         * A label's members among every live customer (shared: never mutate them). A RULE label's are its rule's as of
         * now, kept from an earlier evaluation while nothing it read has changed; other labels' are who carries them.
         */
        private RoaringBitmap label(LabelKeys.LabelRef label, int hops) {
            if (label == null) {
                return NOBODY;
            }
            if (label.rule() == null) {
                reads.profiles();
                return view.bitmap(Attribute.LABEL, label.id());
            }
            if (hops >= MAX_SEGMENT_HOPS) {
                reads.notKeepable();
                return NOBODY;
            }
            RuleLabelMembers.Kept kept = ruleLabels.find(label.id(), label.rule(), view, today);
            if (kept == null || hops + kept.depth() > MAX_SEGMENT_HOPS) {
                IndexReads labelReads = new IndexReads();
                RoaringBitmap members = new Evaluation(view, today, labels.byKey(label.rule().labelKeys()), labelReads)
                        .eval(label.rule(), view.everyone(), hops + 1);
                reads.include(labelReads, labelReads.depthAsLabel());
                ruleLabels.keep(label.id(), label.rule(), labelReads, view, today, members);
                return members;
            }
            reads.include(kept.reads(), kept.depth());
            return kept.members();
        }

        private RoaringBitmap nested(SegmentRule rule, RoaringBitmap within, int hops) {
            return new Evaluation(view, today, labels.byKey(rule.labelKeys()), reads).eval(rule, within, hops + 1);
        }

        /** Whoever has one of the values: the stored bitmap for one value (shared), else a new union. */
        private RoaringBitmap anyOf(Attribute attribute, Collection<String> values) {
            if (values.size() == 1) {
                return view.bitmap(attribute, values.iterator().next());
            }
            List<RoaringBitmap> parts = new ArrayList<>(values.size());
            values.forEach(value -> parts.add(view.bitmap(attribute, value)));
            return FastAggregation.or(parts.iterator());
        }
    }

    /** Bitmap conditions narrow fastest; column scans and nested segments then run over fewer customers. */
    private static List<SegmentRule> cheapestFirst(List<SegmentRule> children) {
        return children.stream().sorted(Comparator.comparingInt(RuleEvaluator::cost)).toList();
    }

    private static int cost(SegmentRule rule) {
        if (rule.numeric() != null || rule.event() != null) {
            return 2;
        }
        if (rule.inSegment() != null || !rule.children().isEmpty()) {
            return 3;
        }
        return 1;
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }
}
