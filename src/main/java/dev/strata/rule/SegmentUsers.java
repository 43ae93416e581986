package dev.strata.rule;

import java.util.List;

/** Who uses a segment (a label rule, another segment, a campaign), so it is not deleted from under them. */
public interface SegmentUsers {

    /** Short descriptions of what uses the segment, e.g. "label investor"; empty when nothing does. */
    List<String> usersOf(String segmentId);
}
