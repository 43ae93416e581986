package dev.strata.balance;

import java.math.BigDecimal;
import java.util.List;

import dev.strata.customer.Customer;
import dev.strata.graphql.GlobalId;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/** A merge that moves a core-banking reference to the survivor moves its month documents too, and carry-forward goes on. */
class BalanceTransferTests extends BalanceFeedTestSupport {

    @Autowired
    BalanceTransfer transfer;

    @Autowired
    MongoTemplate mongo;

    @Test
    void movedMonthsKeepTheirDecimalsAndCarryIntoTheSurvivorsNextEntries() {
        String ref = customer();
        String survivorRef = customer();
        record(List.of(entry(ref, current.minusMonths(1).atDay(1), "1000.10", "2000")))
                .path("recordDailyBalances.accepted").entity(Integer.class).isEqualTo(1);
        Customer merged = mongo.findOne(Query.query(Criteria.where("externalRef").is(ref)), Customer.class);
        Customer survivor = mongo.findOne(Query.query(Criteria.where("externalRef").is(survivorRef)), Customer.class);

        // What the merge does to the customers: the reference and the months move to the survivor.
        assertThat(transfer.move(merged.id(), survivor.id(), merged.balanceMonths())).isEqualTo(2);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(merged.id())),
                new Update().unset("externalRef").set("mergedInto", survivor.id()), Customer.class);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(survivor.id())),
                new Update().set("externalRef", ref).set("balanceMonths", merged.balanceMonths()), Customer.class);

        Document moved = mongo.findById(survivor.id() + ":" + current.minusMonths(1), Document.class, "balances");
        assertThat(moved.get("days", Document.class).get("01", Document.class).get("deposits"))
                .isEqualTo(new Decimal128(new BigDecimal("1000.10")));
        assertThat(mongo.findById(merged.id() + ":" + current.minusMonths(1), Document.class, "balances")).isNull();

        record(List.of(entry(ref, today, "3000.10", null))).path("recordDailyBalances.accepted").entity(Integer.class).isEqualTo(1);
        int d = today.getDayOfMonth();
        assertThat(history(portrait(ref, 2))).containsExactly(
                month(current.minusMonths(1), "1000.10", "2000.00"),
                month(current, average(d - 1, "1000.10", 1, "3000.10"), "2000.00"));
        assertThat(GlobalId.localId(asAdmin().document("query($ref: String!) { customerByRef(externalRef: $ref) { id } }")
                .variable("ref", ref).execute().path("customerByRef.id").entity(String.class).get(), "Customer"))
                .isEqualTo(survivor.id());
    }
}
