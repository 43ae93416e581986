package dev.strata.card;

import java.util.List;

import dev.strata.task.BookReassigned;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Card leads follow a handed-over book: the old RM's radar entries of the moved customers move to the new RM's radar. */
@Component
class RadarHandover {

    private final MongoTemplate mongo;
    private final RadarView view;

    RadarHandover(MongoTemplate mongo, RadarView view) {
        this.mongo = mongo;
        this.view = view;
    }

    @EventListener
    void on(BookReassigned handover) {
        if (handover.customerIds().isEmpty()) {
            return;
        }
        List<CardVisitorEntry> entries = mongo.find(Query.query(Criteria.where("managerCode").is(handover.fromManagerCode())
                .and("customerId").in(handover.customerIds())), CardVisitorEntry.class);
        for (CardVisitorEntry e : entries) {
            mongo.save(new CardVisitorEntry(CardVisitorEntry.key(handover.toManagerCode(), e.customerId()),
                    handover.toManagerCode(), e.customerId(), e.visits(), e.views(), e.productViews(), e.callTaps(),
                    e.shares(), e.contacts(), e.productCodes(), e.firstVisitAt(), e.lastVisitAt(), e.leftContact(),
                    e.possibleMatchId()));
            mongo.remove(Query.query(Criteria.where("_id").is(e.id())), CardVisitorEntry.class);
        }
        view.forget(handover.fromManagerCode());
        view.forget(handover.toManagerCode());
    }
}
