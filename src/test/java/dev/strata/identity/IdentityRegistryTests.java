package dev.strata.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.strata.shared.Channel;
import dev.strata.customer.Customer;
import dev.strata.support.StrataIntegrationTest;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claims are written as plain documents for speed: they must be stored exactly as the mapper stores an
 * IdentityRecord, and a claim someone already holds must come back as taken while the rest are stored.
 */
class IdentityRegistryTests extends StrataIntegrationTest {

    @Autowired
    private IdentityRegistry registry;

    @Autowired
    private MongoTemplate mongo;

    @Test
    void claimsAreStoredAsTheMapperStoresAnIdentityRecord() {
        Customer.ChannelIdentity identity = new Customer.ChannelIdentity(Channel.WECHAT, "reg-wx-1");
        assertThat(registry.claimAll(Map.of(identity, "cust-1"))).isEmpty();

        Document stored = mongo.findById("WECHAT:reg-wx-1", Document.class, IdentityRegistry.COLLECTION);
        IdentityRecord read = mongo.findById("WECHAT:reg-wx-1", IdentityRecord.class);
        Document mapped = new Document();
        mongo.getConverter().write(read, mapped);
        assertThat(bson(stored)).isEqualTo(bson(mapped));
        assertThat(read.customerId()).isEqualTo("cust-1");
        assertThat(read.channel()).isEqualTo(Channel.WECHAT);
        assertThat(read.externalId()).isEqualTo("reg-wx-1");
        assertThat(read.claimedAt()).isNotNull();
    }

    @Test
    void aClaimSomeoneHoldsIsReportedAndTheOthersAreStored() {
        Customer.ChannelIdentity held = new Customer.ChannelIdentity(Channel.SMS, "reg-sms-held");
        registry.claimAll(Map.of(held, "first-owner"));
        Map<Customer.ChannelIdentity, String> batch = new LinkedHashMap<>();
        batch.put(new Customer.ChannelIdentity(Channel.APP_PUSH, "reg-app-1"), "second");
        batch.put(held, "second");
        batch.put(new Customer.ChannelIdentity(Channel.APP_PUSH, "reg-app-2"), "second");

        Set<String> taken = registry.claimAll(batch);

        assertThat(taken).containsExactly("SMS:reg-sms-held");
        assertThat(registry.owners(batch.keySet())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SMS:reg-sms-held", "first-owner", "APP_PUSH:reg-app-1", "second", "APP_PUSH:reg-app-2", "second"));
    }

    private BsonDocument bson(Document document) {
        return document.toBsonDocument(Document.class, mongo.getDb().getCodecRegistry());
    }
}
