package dev.strata.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import dev.strata.shared.Channel;
import dev.strata.support.StrataIntegrationTest;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Events bulk-loaded as hand-built documents are stored exactly as the mapper would store them. */
class EventDocumentsTests extends StrataIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void aHandBuiltEventDocumentIsTheMappersDocument() {
        Instant at = Instant.parse("2026-11-20T01:02:03.456Z");
        for (Event event : List.of(
                new Event("0123456789abcdef0123456789abcdef", "66a1b2c3d4e5f60000000001", "VIEW_PRODUCT", Channel.WEB, at,
                        List.of(new Event.KeyValue("productCode", "FUND-BOND")), at.plusSeconds(5)),
                new Event("e2", "c2", "LOGIN", null, at, List.of(), at))) {
            Document mapped = new Document();
            mongo.getConverter().write(event, mapped);
            mapped.remove("_class");
            assertThat(EventDocuments.of(event)).isEqualTo(mapped);
            assertThat(EventDocuments.mapped(event)).isEqualTo(mapped);
        }
    }

    @Test
    void anObjectIdShapedEventIdIsStoredAsTheMapperStoresIt() {
        Instant at = Instant.parse("2026-11-20T01:02:03.456Z");
        Event event = new Event(new ObjectId().toHexString(), "66a1b2c3d4e5f60000000001", "VIEW_CARD", null, at,
                List.of(new Event.KeyValue("managerCode", "RM01")), at);
        Document mapped = new Document();
        mongo.getConverter().write(event, mapped);
        mapped.remove("_class");
        assertThat(EventDocuments.mapped(event)).isEqualTo(mapped);
        assertThat(mapped.get("_id")).isInstanceOf(ObjectId.class);
    }
}
