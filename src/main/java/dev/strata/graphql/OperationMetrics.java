package dev.strata.graphql;

import java.util.HashSet;
import java.util.Set;

import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Times each request per operation ({@code graphql_request_seconds{graphql_operation_name="MyCustomers"}}) on
 * {@code /actuator/prometheus}. Only the published clients' operation names become tag values (everything else
 * is {@code other}), so a client inventing names cannot make the metrics grow without bound.
 */
@Component
class OperationMetrics extends DefaultExecutionRequestObservationConvention {

    static final String TAG = "graphql.operation.name";

    private final Set<String> known = new HashSet<>();

    OperationMetrics(TrustedDocuments documents) {
        for (String document : documents.byHash().values()) {
            Parser.parse(document).getDefinitionsOfType(OperationDefinition.class).stream()
                    .map(OperationDefinition::getName).filter(name -> name != null).forEach(known::add);
        }
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
        String name = context.getExecutionContext() != null && context.getExecutionContext().getOperationDefinition() != null
                ? context.getExecutionContext().getOperationDefinition().getName()
                : context.getExecutionInput().getOperationName();
        return super.getLowCardinalityKeyValues(context).and(KeyValue.of(TAG, name != null && known.contains(name) ? name : "other"));
    }
}
