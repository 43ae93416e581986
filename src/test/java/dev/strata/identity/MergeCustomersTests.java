package dev.strata.identity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import dev.strata.shared.Channel;
import dev.strata.customer.Customer;
import dev.strata.graphql.GlobalId;
import dev.strata.security.Role;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** mergeCustomers: what moves to the survivor, how the merged ID keeps resolving, and which merges are refused. */
class MergeCustomersTests extends StitchingTestSupport {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void theSurvivorGainsIdentitiesEventsTouchpointsLabelsAndConsentsAndTheMergedIdForwards() {
        String core = feedCustomer(unique("MC"), Map.of("consents", List.of(Map.of("channel", "SMS", "granted", true))));
        String openid = unique("mp");
        track(List.of(byIdentity("MINI_PROGRAM", openid, "VIEW_PRODUCT", now.minusSeconds(30)),
                byIdentity("MINI_PROGRAM", openid, "LOGIN", now.minusSeconds(20))));
        String visitor = ownerOf("MINI_PROGRAM", openid);
        String coreLabel = label(core);
        String visitorLabel = label(visitor);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(local(visitor))), Update.update("consents", List.of(
                new Customer.Consent(Channel.WECHAT, true, now),
                new Customer.Consent(Channel.SMS, false, now.plus(1, ChronoUnit.DAYS)))), Customer.class);
        ObjectId touchpoint = new ObjectId();
        mongo.insert(new Document("_id", touchpoint).append("customerId", local(visitor)).append("channel", "SMS")
                .append("status", "SENT").append("createdAt", Date.from(now)), "touchpoints");

        merge(marketer, core, visitor)
                .path("mergeCustomers.userErrors").entityList(Object.class).hasSize(0)
                .path("mergeCustomers.survivor.id").entity(String.class).isEqualTo(core)
                .path("mergeCustomers.survivor.identities[*].externalId").entityList(String.class).contains(openid);

        assertThat(ownerOf("MINI_PROGRAM", openid)).isEqualTo(core);
        assertThat(storedEvents(core)).isEqualTo(2);
        assertThat(storedEvents(visitor)).isZero();
        assertThat(mongo.findOne(Query.query(Criteria.where("_id").is(touchpoint)), Document.class, "touchpoints").getString("customerId")).isEqualTo(local(core));
        var portrait = asAdmin().documentName("mobile/CustomerPortrait").variable("id", core).execute();
        portrait.path("customer.labels[*].label.id").entityList(String.class)
                .satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder(coreLabel, visitorLabel))
                .path("customer.consents").entityList(Map.class).satisfies(consents -> assertThat(consents)
                        .anySatisfy(c -> assertThat(c).containsEntry("channel", "WECHAT").containsEntry("granted", true))
                        .anySatisfy(c -> assertThat(c).containsEntry("channel", "SMS").containsEntry("granted", false))
                        .hasSize(2));
        asAdmin().documentName("mobile/CustomerActivity").variable("id", core).execute()
                .path("customer.recentEvents").entityList(Object.class).hasSize(2)
                .path("customer.digital.lastLoginAt").entity(String.class).satisfies(at -> assertThat(at).isNotNull());
        asAdmin().documentName("mobile/CustomerPortrait").variable("id", visitor).execute()
                .path("customer.id").entity(String.class).isEqualTo(core);
        track(List.of(byCustomer(visitor, "LIKE", now))).path("trackEvents.accepted").entity(Integer.class).isEqualTo(1);
        assertThat(storedEvents(core)).isEqualTo(3);
        asAdmin().documentName("admin/AuditLog").execute()
                .path("auditLog.edges[*].node").entityList(Map.class)
                .satisfies(entries -> assertThat(entries).anyMatch(e -> "MERGE_CUSTOMERS".equals(e.get("action"))
                        && local(core).equals(e.get("target")) && local(visitor).equals(e.get("field"))));
    }

    @Test
    void aSurvivorWithoutACoreBankingRefTakesTheMergedOnesWithItsBankingProfile() {
        String openid = unique("mp");
        track(List.of(byIdentity("MINI_PROGRAM", openid, "VIEW_PRODUCT", now.minusSeconds(30))));
        String visitor = ownerOf("MINI_PROGRAM", openid);
        String ref = unique("MR");
        String core = feedCustomer(ref, Map.of());
        merge(service, visitor, core)
                .path("mergeCustomers.userErrors").entityList(Object.class).hasSize(0)
                .path("mergeCustomers.survivor.externalRef").entity(String.class).isEqualTo(ref);
        as(service).documentName("feed/CustomerByRef").variable("externalRef", ref).execute()
                .path("customerByRef.id").entity(String.class).isEqualTo(visitor)
                .path("customerByRef.name").entity(String.class).isEqualTo("陈静");
        Document merged = mongo.findById(local(core), Document.class, "customers");
        assertThat(merged.get("externalRef")).isNull();
        assertThat(merged.getString("mergedInto")).isEqualTo(local(visitor));
        assertThat(merged.get(dev.strata.customer.CustomerMerges.MOVING_REF)).isNull();
    }

    @Test
    void twoCoreBankingCustomersAreMergedInCoreBankingNotHere() {
        String first = feedCustomer(unique("MB"), Map.of());
        String second = feedCustomer(unique("MB"), Map.of());
        merge(marketer, first, second)
                .path("mergeCustomers.survivor").valueIsNull()
                .path("mergeCustomers.userErrors[0].code").entity(String.class).isEqualTo("CORE_BANKING_MERGE");
        asAdmin().documentName("mobile/CustomerPortrait").variable("id", second).execute()
                .path("customer.id").entity(String.class).isEqualTo(second);
    }

    @Test
    void impossibleMergesAreRefusedAndARetriedMergeSucceeds() {
        String survivor = visitor();
        String merged = visitor();
        String other = visitor();
        merge(marketer, survivor, survivor).path("mergeCustomers.userErrors[0].code").entity(String.class).isEqualTo("SAME_CUSTOMER");
        merge(marketer, survivor, "garbage").path("mergeCustomers.userErrors[0].code").entity(String.class).isEqualTo("INVALID_ID");
        merge(marketer, survivor, GlobalId.encode("Customer", "eeeeeeeeeeeeeeeeeeeeeeee"))
                .path("mergeCustomers.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        merge(marketer, survivor, merged).path("mergeCustomers.userErrors").entityList(Object.class).hasSize(0);
        merge(marketer, survivor, merged).path("mergeCustomers.userErrors").entityList(Object.class).hasSize(0)
                .path("mergeCustomers.survivor.id").entity(String.class).isEqualTo(survivor);
        merge(marketer, merged, other).path("mergeCustomers.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_MERGED");
        merge(marketer, other, merged).path("mergeCustomers.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_MERGED");
        String rm = userToken(unique("rm"), List.of(Role.RELATIONSHIP_MANAGER), null, rmA);
        assertClassification(merge(rm, survivor, other), "FORBIDDEN");
    }

    @Test
    void referralsFollowTheMergeAndCountsStayExact() {
        String sharerOpenid = unique("s");
        String friendOpenid = unique("f");
        track(List.of(byIdentity("WECHAT", sharerOpenid, "LOGIN", now.minusSeconds(60)),
                with(byIdentity("WECHAT", friendOpenid, "SHARE", now.minusSeconds(50)), "referrer", sharerOpenid)));
        String sharer = ownerOf("WECHAT", sharerOpenid);
        String friend = ownerOf("WECHAT", friendOpenid);
        String core = feedCustomer(unique("MF"), Map.of());
        merge(marketer, core, sharer).path("mergeCustomers.survivor.referralCount").entity(Integer.class).isEqualTo(1);
        String friendDuplicate = visitor();
        merge(marketer, friendDuplicate, friend).path("mergeCustomers.userErrors").entityList(Object.class).hasSize(0);
        activity(friendDuplicate).path("customer.referredBy.id").entity(String.class).isEqualTo(core);
        activity(core).path("customer.referralCount").entity(Integer.class).isEqualTo(1);
        track(List.of(with(byIdentity("WECHAT", friendOpenid, "SHARE", now.minusSeconds(10)), "referrer", sharerOpenid)));
        activity(core).path("customer.referralCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void aMergeInterruptedMidwayIsFinishedByItsRetry() {
        String ref = unique("MI");
        String core = feedCustomer(ref, Map.of());
        String survivor = visitor();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(local(core))),
                new Update().unset("externalRef").set(dev.strata.customer.CustomerMerges.MOVING_REF, ref), Customer.class);
        merge(service, survivor, core).path("mergeCustomers.survivor.externalRef").entity(String.class).isEqualTo(ref);

        String openid = unique("half");
        track(List.of(byIdentity("MINI_PROGRAM", openid, "LIKE", now.minusSeconds(5))));
        String halfMerged = ownerOf("MINI_PROGRAM", openid);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(local(halfMerged))),
                Update.update("mergedInto", local(survivor)), Customer.class);
        merge(service, survivor, halfMerged).path("mergeCustomers.userErrors").entityList(Object.class).hasSize(0)
                .path("mergeCustomers.survivor.identities[*].externalId").entityList(String.class).contains(openid);
        assertThat(storedEvents(halfMerged)).isZero();
        assertThat(ownerOf("MINI_PROGRAM", openid)).isEqualTo(survivor);
    }

    /** A fresh walk-in prospect's global ID. */
    private String visitor() {
        String openid = unique("v");
        track(List.of(byIdentity("MINI_PROGRAM", openid, "VIEW_PRODUCT", now.minusSeconds(40))));
        return ownerOf("MINI_PROGRAM", openid);
    }

    private String label(String customerId) {
        String labelId = as(marketer).documentName("mobile/CreateLabel")
                .variable("input", Map.of("key", unique("m").replace("-", "_"), "name", "合并测试", "category", "MARKETING",
                        "kind", "MANUAL")).execute()
                .path("createLabel.label.id").entity(String.class).get();
        as(marketer).documentName("mobile/ApplyLabel")
                .variable("input", Map.of("labelId", labelId, "customerIds", List.of(customerId))).execute()
                .path("applyLabel.applied").entity(Integer.class).isEqualTo(1);
        return labelId;
    }

    private GraphQlTester.Response merge(String token, String survivorId, String mergedId) {
        return as(token).documentName("mini-program/MergeCustomers")
                .variable("input", Map.of("survivorId", survivorId, "mergedId", mergedId)).execute();
    }

    private GraphQlTester.Response activity(String customerId) {
        return asAdmin().documentName("mobile/CustomerActivity").variable("id", customerId).execute();
    }
}
