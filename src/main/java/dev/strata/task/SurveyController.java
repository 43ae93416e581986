package dev.strata.task;

import dev.strata.security.Role;
import dev.strata.security.Viewers;
import dev.strata.touchpoint.Touchpoint;
import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry to the satisfaction survey: the token on the touchpoint for the RM's link, and the public answer. */
@Controller
class SurveyController {

    /** Where the client address sits in the GraphQL context (put there by the campaign module's interceptor). */
    static final String CLIENT_ADDRESS = "strata.clientAddress";

    private final Surveys surveys;

    SurveyController(Surveys surveys) {
        this.surveys = surveys;
    }

    @MutationMapping
    Surveys.RecordSurveyAnswerPayload recordSurveyAnswer(@Argument Surveys.RecordSurveyAnswerInput input,
            GraphQLContext context) {
        Object address = context.get(CLIENT_ADDRESS);
        return surveys.answer(input, address == null ? "unknown" : address.toString());
    }

    /** Only those who send the link (the RM, their branch manager, an admin) see the token. */
    @SchemaMapping(typeName = "Touchpoint")
    String surveyToken(Touchpoint touchpoint) {
        var viewer = Viewers.current();
        if (viewer.isEmpty() || !(viewer.get().has(Role.RELATIONSHIP_MANAGER) || viewer.get().has(Role.BRANCH_MANAGER)
                || viewer.get().has(Role.ADMIN))) {
            return null;
        }
        return surveys.tokenOf(touchpoint.id());
    }
}
