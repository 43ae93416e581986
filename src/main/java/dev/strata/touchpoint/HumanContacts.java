package dev.strata.touchpoint;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.strata.customer.Customer;
import dev.strata.customer.CustomerRefs;
import dev.strata.graphql.RowErrors;
import dev.strata.graphql.UserError;
import dev.strata.security.Viewers;
import dev.strata.shared.Channel;
import dev.strata.shared.Scope;
import org.bson.types.ObjectId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** {@code recordTouchpoint}: an RM logs a call or visit with a customer they may change, and how it went. */
@Service
public class HumanContacts {

    static final Set<Channel> HUMAN_CHANNELS = Set.of(Channel.PHONE_CALL, Channel.BRANCH_VISIT);

    private final TouchpointService touchpoints;
    private final CustomerRefs refs;
    private final Clock clock;

    HumanContacts(TouchpointService touchpoints, CustomerRefs refs, Clock clock) {
        this.touchpoints = touchpoints;
        this.refs = refs;
        this.clock = clock;
    }

    /** Input of {@code recordTouchpoint}: an RM's call or visit and its outcome. */
    public record RecordInput(String customerId, Channel channel, ContactOutcome outcome, String note, BigDecimal revenue) {
    }

    /** Outcome of {@code recordTouchpoint}. */
    public record RecordResult(Touchpoint touchpoint, List<UserError> userErrors) {
    }

    @PreAuthorize("hasAnyRole('ADMIN','BRANCH_MANAGER','RELATIONSHIP_MANAGER')")
    public RecordResult recordHumanContact(RecordInput input, Scope scope) {
        if (!HUMAN_CHANNELS.contains(input.channel())) {
            return new RecordResult(null, List.of(UserError.of("NOT_A_HUMAN_CHANNEL",
                    "RMs record PHONE_CALL or BRANCH_VISIT; other channels are recorded by campaigns", "channel")));
        }
        if (!RowErrors.isMoney(input.revenue())) {
            return new RecordResult(null, List.of(UserError.invalid("revenue must be non-negative with at most 2 decimals",
                    "revenue")));
        }
        CustomerRefs.Resolved target = refs.forChange(input.customerId(), scope, "customerId");
        if (target.userError() != null) {
            return new RecordResult(null, List.of(target.userError()));
        }
        Customer customer = target.customer();
        Instant now = clock.instant();
        TouchpointStatus status = input.outcome().status();
        Touchpoint touchpoint = new Touchpoint(new ObjectId().toHexString(), customer.id(), null, null, input.channel(),
                status, status == TouchpointStatus.FAILED ? "no answer" : null, input.outcome(), input.note(),
                Viewers.name(), null, now, null, status == TouchpointStatus.CONVERTED ? now : null,
                status == TouchpointStatus.CONVERTED ? input.revenue() : null, now, null, null, null,
                List.of(new Touchpoint.StatusChange(status, now)), null);
        touchpoints.record(touchpoint);
        return new RecordResult(touchpoint, List.of());
    }
}
