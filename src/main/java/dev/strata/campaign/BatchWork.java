package dev.strata.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.strata.task.TaskService;
import dev.strata.touchpoint.Touchpoint;
import org.springframework.data.mongodb.core.query.Update;

/** What walking a batch of enrollments decided, gathered so that it is written in a few bulk writes. */
final class BatchWork {

    final Instant now;
    /** When the claim on these entries runs out: past it, another runner may be working them. */
    final Instant leaseUntil;
    final List<Touchpoint> touchpoints = new ArrayList<>();
    final Map<String, ChannelSender.OutboundMessage> messages = new HashMap<>();
    final Map<String, Update> enrollmentUpdates = new LinkedHashMap<>();
    final Map<String, Long> expectedSeq = new HashMap<>();
    final List<Schedule.Entry> entries = new ArrayList<>();
    final Map<String, Set<String>> labels = new HashMap<>();
    final List<TaskService.NewTask> tasks = new ArrayList<>();
    final Map<String, List<String>> moves = new HashMap<>();
    /** Enrollment ID to campaign ID of the updates that end an enrollment. */
    final Map<String, String> ending = new HashMap<>();
    private final Map<String, Integer> contacts = new HashMap<>();

    BatchWork(Instant now, Instant leaseUntil) {
        this.now = now;
        this.leaseUntil = leaseUntil;
    }

    int contactsFor(String customerId) {
        return contacts.getOrDefault(customerId, 0);
    }

    void contacted(String customerId) {
        contacts.merge(customerId, 1, Integer::sum);
    }

    void send(Touchpoint touchpoint, ChannelSender.OutboundMessage message) {
        touchpoints.add(touchpoint);
        if (message != null) {
            messages.put(touchpoint.id(), message);
        }
    }

    void label(String labelKey, String customerId) {
        labels.computeIfAbsent(labelKey, k -> new java.util.HashSet<>()).add(customerId);
    }

    void move(String campaignId, String customerId) {
        moves.computeIfAbsent(campaignId, k -> new ArrayList<>()).add(customerId);
    }

    /** The enrollment waits at {@code stepKey} until {@code due}. */
    void schedule(Enrollment e, String stepKey, long seq, Instant due, Enrollment.State state, Update extra) {
        Update update = extra.set("stepKey", stepKey).set("stepSeq", seq).set("dueAt", due).set("state", state);
        if (state != Enrollment.State.WAITING_RESPONSE) {
            update.unset("waitUntil");
        }
        enrollmentUpdates.put(e.id(), update);
        ending.remove(e.id());
        expectedSeq.put(e.id(), e.stepSeq());
        entries.add(new Schedule.Entry(e.id(), e.customerId(), seq, due));
    }

    /** The enrollment has left the journey. */
    void end(Enrollment e, long seq, Update extra) {
        enrollmentUpdates.put(e.id(), extra.set("state", Enrollment.State.DONE).set("stepSeq", seq).set("endedAt", now)
                .unset("stepKey").unset("dueAt").unset("waitUntil"));
        expectedSeq.put(e.id(), e.stepSeq());
        ending.put(e.id(), e.campaignId());
    }
}
