package dev.strata.event;

import java.util.List;

/**
 * Published after {@code trackEvents} stored new events (replayed ones excluded), for features that
 * keep derived behaviour state, such as per-day event bitmaps of the audience index.
 */
public record EventsRecorded(List<Event> events) {
}
