package dev.strata.customer;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

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
        String ref = unique("LR");
        feed(ref, "C2");
        Document before = stored(ref);
        int seq = ((Number) before.get("seq")).intValue();

        assertThat(writes.update(before.getString("_id"), new Update().set("tier", "GOLD"))).isTrue();
        Document after = stored(ref);
        assertThat(revision(after)).isGreaterThan(revision(before));
        assertThat(index.members(Attribute.TIER, "GOLD").contains(seq)).isTrue();

        index.put(AudienceRecords.of(List.of(before), SHANGHAI));

        assertThat(index.members(Attribute.TIER, "GOLD").contains(seq)).as("the newer write's tier stays").isTrue();
        assertThat(index.members(Attribute.TIER, "ORDINARY").contains(seq)).isFalse();
    }

    @Test
    void aReadTakenBeforeAFeedUpdateIsRefusedOnceTheFeedRowIsIndexed() {
        String ref = unique("LR");
        feed(ref, "C2");
        Document before = stored(ref);
        int seq = ((Number) before.get("seq")).intValue();

        feed(ref, "C5");
        Document after = stored(ref);
        assertThat(revision(after)).isGreaterThan(revision(before));
        assertThat(index.members(Attribute.RISK, "C5").contains(seq)).isTrue();

        index.put(AudienceRecords.of(List.of(before), SHANGHAI));

        assertThat(index.members(Attribute.RISK, "C5").contains(seq)).as("the feed row's risk level stays").isTrue();
        assertThat(index.members(Attribute.RISK, "C2").contains(seq)).isFalse();

        index.put(AudienceRecords.of(List.of(after), SHANGHAI));
        assertThat(index.members(Attribute.RISK, "C5").contains(seq)).as("a re-read of the current revision").isTrue();
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
