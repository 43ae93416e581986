package dev.strata.campaign;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.strata.graphql.RowErrors;
import dev.strata.graphql.UserError;
import dev.strata.touchpoint.Touchpoint;
import dev.strata.touchpoint.TouchpointService;
import dev.strata.touchpoint.TouchpointStatus;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * {@code recordResponse}: a channel reports, by tracking token, what a customer did with a message. Statuses
 * only move forward and each level is counted once (the touchpoint moves only from a lower status, atomically);
 * unknown and malformed tokens get one and the same answer, and guessing is throttled per client address.
 */
@Service
class ResponseService {

    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{32}");
    static final UserError UNKNOWN_TOKEN = UserError.of("UNKNOWN_TOKEN", "no such tracking token", "trackingToken");

    private final TouchpointService touchpoints;
    private final StatsCounters stats;
    private final ResponseEffects effects;
    private final ResponseThrottle throttle;
    private final Clock clock;

    ResponseService(TouchpointService touchpoints, StatsCounters stats, ResponseEffects effects, ResponseThrottle throttle,
            Clock clock) {
        this.touchpoints = touchpoints;
        this.stats = stats;
        this.effects = effects;
        this.throttle = throttle;
        this.clock = clock;
    }

    record RecordResponseInput(String trackingToken, ResponseKind kind, BigDecimal revenue) {
    }

    /** {@code counted}: whether this response changed anything (false for a replay or a step backwards). */
    record RecordResponsePayload(TouchpointStatus status, boolean counted, List<UserError> userErrors) {
        static RecordResponsePayload error(UserError error) {
            return new RecordResponsePayload(null, false, List.of(error));
        }
    }

    RecordResponsePayload record(RecordResponseInput input, String clientAddress) {
        Instant now = clock.instant();
        if (throttle.blocked(clientAddress, now)) {
            return RecordResponsePayload.error(UserError.of("THROTTLED", "too many unknown tokens; try again later"));
        }
        String token = input.trackingToken();
        Touchpoint touchpoint = token != null && TOKEN.matcher(token).matches() ? touchpoints.findByToken(token) : null;
        if (touchpoint == null) {
            throttle.failed(clientAddress, now);
            return RecordResponsePayload.error(UNKNOWN_TOKEN);
        }
        if (input.revenue() != null && (input.kind() != ResponseKind.CONVERTED || !RowErrors.isMoney(input.revenue()))) {
            return RecordResponsePayload.error(UserError.invalid(
                    "revenue goes with CONVERTED and is non-negative with at most 2 decimals", "revenue"));
        }
        if (input.kind() == ResponseKind.UNSUBSCRIBED) {
            Touchpoint before = touchpoints.advance(touchpoint.id(), EnumSet.allOf(TouchpointStatus.class),
                    new Update().set("unsubscribedAt", now));
            boolean first = before != null && before.unsubscribedAt() == null;
            if (first) {
                effects.unsubscribed(touchpoint);
                stats.apply(touchpoint.campaignId(), StatsCounters.increments().add("unsubscribed", 1));
            }
            return new RecordResponsePayload(touchpoint.status(), first, List.of());
        }
        TouchpointStatus to = input.kind().status();
        Update update = new Update().set("status", to).push("history", new Touchpoint.StatusChange(to, now));
        if (StatsCounters.rank(to) >= StatsCounters.rank(TouchpointStatus.OPENED)) {
            update.set("openedAt", now);
        }
        if (to == TouchpointStatus.CONVERTED) {
            update.set("convertedAt", now).set("revenue", input.revenue());
        }
        Touchpoint before = touchpoints.advance(touchpoint.id(), lowerThan(to), update);
        if (before == null) {
            Touchpoint current = touchpoints.findUnscoped(touchpoint.id());
            return new RecordResponsePayload(current == null ? null : current.status(), false, List.of());
        }
        if (before.openedAt() != null && StatsCounters.rank(to) >= StatsCounters.rank(TouchpointStatus.OPENED)) {
            touchpoints.updateEach(java.util.Map.of(before.id(), new Update().set("openedAt", before.openedAt())));
        }
        if (before.campaignId() != null) {
            StatsCounters.Increments increments = StatsCounters.increments().moved(before, before.status(), to, null);
            if (to == TouchpointStatus.CONVERTED) {
                increments.revenue(before, input.revenue());
            }
            stats.apply(before.campaignId(), increments);
        }
        effects.responded(before, input.kind(), now);
        return new RecordResponsePayload(to, true, List.of());
    }

    /** The statuses a touchpoint may move to {@code to} from: SENT and funnel statuses below it (PLANNED too). */
    static Set<TouchpointStatus> lowerThan(TouchpointStatus to) {
        Set<TouchpointStatus> from = EnumSet.of(TouchpointStatus.PLANNED);
        StatsCounters.FUNNEL.stream().filter(s -> StatsCounters.rank(s) < StatsCounters.rank(to)).forEach(from::add);
        return from;
    }
}
