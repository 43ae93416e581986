package dev.strata.customer;

import java.time.Clock;
import java.time.Period;
import java.time.ZoneId;

import dev.strata.security.StrataPrincipal;
import dev.strata.security.Viewers;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The per-customer fields computed from the customer alone ({@code age}, masked {@code phone}, withheld
 * {@code birthDate}), wired as plain graphql-java fetchers: a page of 50 portraits asks them 150 times, and as
 * controller methods each call went through Spring's handler invocation and context propagation.
 */
@Component
class CustomerFieldWiring implements RuntimeWiringConfigurer {

    private final Clock clock;
    private final ZoneId zone;

    CustomerFieldWiring(Clock clock, @Value("${strata.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void configure(RuntimeWiring.Builder builder) {
        builder.type("Customer", type -> type
                .dataFetcher("age", (TrivialDataFetcher<Integer>) env -> age(env.getSource()))
                .dataFetcher("birthDate", (TrivialDataFetcher<Object>) env ->
                        Masking.seesIdNumber(viewer(env)) ? ((Customer) env.getSource()).birthDate() : null)
                .dataFetcher("phone", (TrivialDataFetcher<String>) env -> phone(viewer(env), env.getSource())));
    }

    Integer age(Customer customer) {
        return customer.birthDate() == null ? null
                : Period.between(customer.birthDate(), clock.instant().atZone(zone).toLocalDate()).getYears();
    }

    /** Masked unless the viewer reads this customer's phone in clear. */
    static String phone(StrataPrincipal viewer, Customer customer) {
        return Masking.seesPhone(viewer, customer) ? customer.phone() : Masking.maskPhone(customer.phone());
    }

    private static StrataPrincipal viewer(DataFetchingEnvironment env) {
        return Viewers.require(env.getGraphQlContext());
    }
}
