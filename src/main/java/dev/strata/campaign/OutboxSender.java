package dev.strata.campaign;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

/** The default sender: one outbox document per message (keyed by its dedup key), for a relay to deliver. */
class OutboxSender implements ChannelSender {

    private final MongoTemplate mongo;
    private final Clock clock;

    OutboxSender(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A message waiting in the outbox. */
    @Document("outbox")
    record OutboxMessage(@Id String id, String touchpointId, String customerId, String campaignId, String stepKey,
            String variant, String channel, String text, String trackingToken, Instant createdAt) {
    }

    @Override
    public boolean idempotent() {
        return true;
    }

    @Override
    public List<Outcome> send(List<OutboundMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<org.bson.Document> documents = messages.stream().map(m -> RunnerDocuments.outbox(new OutboxMessage(m.dedupKey(),
                m.touchpointId(), m.customerId(), m.campaignId(), m.stepKey(), m.variant(), m.channel().name(), m.text(),
                m.trackingToken(), now))).toList();
        try {
            mongo.getCollection(mongo.getCollectionName(OutboxMessage.class)).insertMany(documents,
                    new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(error -> error.getCode() != 11000)) {
                throw e;
            }
        }
        return messages.stream().map(m -> Outcome.SENT).toList();
    }
}
