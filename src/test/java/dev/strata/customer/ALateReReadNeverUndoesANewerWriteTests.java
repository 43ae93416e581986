package dev.strata.customer;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import dev.strata.audience.Attribute;
import dev.strata.audience.AudienceIndex;
import dev.strata.support.StrataIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two writers re-index one customer at once (a feed row and the RULE-label maintainer, say): the one that read first but
 * puts last must not put the customer's older state back over the newer one, whichever write path bumped the revision.
 */
class ALateReReadNeverUndoesANewerWriteTests extends StrataIntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private CustomerWrites writes;
    @Autowired
    private AudienceIndex index;

    @Test
    void aReadTakenBeforeAnUpdateIsRefusedOnceTheUpdateIsIndexed() {
        lateReadIsRefused((ref, id) -> assertThat(writes.update(id, new Update().set("tier", "GOLD"))).isTrue(),
                Attribute.TIER, "GOLD", "ORDINARY");
    }

    @Test
    void aReadTakenBeforeAFeedUpdateIsRefusedOnceTheFeedRowIsIndexed() {
        lateReadIsRefused((ref, id) -> feed(ref, "C5"), Attribute.RISK, "C5", "C2");
    }

    /** A customer read, then changed by {@code write} (to {@code newer}); putting that read afterwards changes nothing. */
    private void lateReadIsRefused(BiConsumer<String, String> write, Attribute attribute, String newer, String older) {
        String ref = unique("LR");
        feed(ref, "C2");
        Document before = stored(ref);
        int seq = ((Number) before.get("seq")).intValue();

        write.accept(ref, before.getString("_id"));
        Document after = stored(ref);
        assertThat(revision(after)).isGreaterThan(revision(before));
        assertThat(index.members(attribute, newer).contains(seq)).isTrue();

        index.put(AudienceRecords.of(List.of(before), SHANGHAI));

        assertThat(index.members(attribute, newer).contains(seq)).as("the newer write's value stays").isTrue();
        assertThat(index.members(attribute, older).contains(seq)).isFalse();

        index.put(AudienceRecords.of(List.of(after), SHANGHAI));
        assertThat(index.members(attribute, newer).contains(seq)).as("a re-read of the current revision").isTrue();
    }

    private void feed(String ref, String riskLevel) {
        asAdmin().documentName("feed/UpsertCustomers")
                .variable("input", Map.of("customers", List.of(Map.of("externalRef", ref, "name", "客户", "riskLevel", riskLevel))))
                .execute().path("upsertCustomers.rows[*].userErrors[*]").entityList(Object.class).hasSize(0);
    }

    private Document stored(String ref) {
        Query query = Query.query(Criteria.where("externalRef").is(ref));
        AudienceRecords.READ.forEach(query.fields()::include);
        Document customer = mongo.findOne(query, Document.class, CustomerDocuments.COLLECTION);
        customer.put("_id", customer.get("_id").toString());
        return customer;
    }

    private static long revision(Document customer) {
        Number revision = (Number) customer.get(CustomerDocuments.REVISION);
        return revision == null ? 0 : revision.longValue();
    }
}
