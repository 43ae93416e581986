package dev.strata.task;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import dev.strata.customer.Customer;
import dev.strata.customer.CustomerService;
import dev.strata.graphql.UserError;
import dev.strata.shared.FixedWindowLimiter;
import dev.strata.touchpoint.ContactRecorded;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Issues a survey token with every completed contact and takes the customer's one answer through the public mutation. */
@Service
public class Surveys {

    static final String RATE_LIMITED = "RATE_LIMITED";
    static final int MAX_COMMENT = 500;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final CustomerService customers;
    private final Clock clock;
    private final int perMinute;
    private final FixedWindowLimiter limiter = new FixedWindowLimiter(200_000);

    Surveys(MongoTemplate mongo, CustomerService customers, Clock clock,
            @Value("${strata.survey.calls-per-minute-per-address:30}") int perMinute) {
        this.mongo = mongo;
        this.customers = customers;
        this.clock = clock;
        this.perMinute = perMinute;
    }

    record RecordSurveyAnswerInput(String token, Integer score, String comment) {
    }

    record RecordSurveyAnswerPayload(boolean recorded, List<UserError> userErrors) {
        static RecordSurveyAnswerPayload refused(UserError error) {
            return new RecordSurveyAnswerPayload(false, List.of(error));
        }
    }

    /** A 24-byte random token (192 bits), URL-safe: the tracked link carries it. */
    static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @EventListener
    void on(ContactRecorded recorded) {
        var touchpoint = recorded.touchpoint();
        Customer customer = customers.findStoredUnscoped(touchpoint.customerId());
        try {
            mongo.insert(new Survey(newToken(), touchpoint.id(), touchpoint.customerId(),
                    customer == null ? null : customer.managerCode(), customer == null ? null : customer.tier(),
                    touchpoint.createdAt(), null, null, null));
        } catch (DuplicateKeyException alreadyIssued) {
            // one survey per touchpoint
        }
    }

    /** The survey token issued with a touchpoint, or null. */
    public String tokenOf(String touchpointId) {
        Survey survey = mongo.findOne(Query.query(Criteria.where("touchpointId").is(touchpointId)), Survey.class);
        return survey == null ? null : survey.token();
    }

    /** The public answer: throttled per address; an unknown or malformed token answers alike; one answer per token. */
    RecordSurveyAnswerPayload answer(RecordSurveyAnswerInput input, String clientAddress) {
        if (!limiter.take(clientAddress, perMinute)) {
            return RecordSurveyAnswerPayload.refused(UserError.of(RATE_LIMITED, "too many requests; try again in a minute"));
        }
        if (input.score() == null || input.score() < 1 || input.score() > 5) {
            return RecordSurveyAnswerPayload.refused(UserError.invalid("score must be 1 to 5", "score"));
        }
        if (input.comment() != null && input.comment().length() > MAX_COMMENT) {
            return RecordSurveyAnswerPayload.refused(UserError.invalid("comment must be at most " + MAX_COMMENT
                    + " characters", "comment"));
        }
        if (input.token() == null || !TOKEN.matcher(input.token()).matches()) {
            return RecordSurveyAnswerPayload.refused(UserError.notFound("survey", "token"));
        }
        String comment = input.comment() == null || input.comment().isBlank() ? null : input.comment().trim();
        Survey answered = mongo.findAndModify(Query.query(Criteria.where("_id").is(input.token()).and("answeredAt").is(null)),
                new Update().set("score", input.score()).set("comment", comment).set("answeredAt", clock.instant()),
                FindAndModifyOptions.options().returnNew(true), Survey.class);
        if (answered != null) {
            return new RecordSurveyAnswerPayload(true, List.of());
        }
        return RecordSurveyAnswerPayload.refused(mongo.exists(Query.query(Criteria.where("_id").is(input.token())),
                Survey.class) ? UserError.of("ALREADY_ANSWERED", "this survey has been answered", "token")
                : UserError.notFound("survey", "token"));
    }
}
