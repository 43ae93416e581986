package dev.strata.balance;

import java.util.List;

import dev.strata.customer.Customer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry to the daily balance feed and to a customer's monthly averages. */
@Controller
class BalanceController {

    private final DailyBalanceService balances;

    BalanceController(DailyBalanceService balances) {
        this.balances = balances;
    }

    @MutationMapping
    RecordDailyBalancesPayload recordDailyBalances(@Argument DailyBalanceInput.Batch input) {
        return balances.record(input);
    }

    @SchemaMapping(typeName = "Customer")
    List<Customer.MonthlyBalance> balanceHistory(Customer customer, @Argument Integer months) {
        return balances.history(customer, months);
    }
}
