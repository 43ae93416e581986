package dev.strata.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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

/** ONE_ID: each channel identity has one owner; linking, look-up by identity, and who may do either. */
class IdentityStitchingTests extends StitchingTestSupport {

    @Test
    void aVisitorRememberedByOneIdentityIsLaterLinkedToASecond() {
        String openid = unique("mp");
        track(List.of(byIdentity("MINI_PROGRAM", openid, "VIEW_PRODUCT", Instant.now().minusSeconds(5))));
        String visitor = ownerOf("MINI_PROGRAM", openid);
        String unionId = unique("wx");
        link(service, visitor, "WECHAT", unionId)
                .path("linkIdentity.userErrors").entityList(Object.class).hasSize(0)
                .path("linkIdentity.customer.identities[*].externalId").entityList(String.class)
                .satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder(openid, unionId));
        assertThat(ownerOf("WECHAT", unionId)).isEqualTo(visitor);
        track(List.of(byIdentity("WECHAT", unionId, "LIKE", Instant.now().minusSeconds(1))));
        assertThat(storedEvents(visitor)).isEqualTo(2);
    }

    @Test
    void anIdentityOwnedByAnotherCustomerIsRefusedWithAHintToMerge() {
        String first = feedCustomer(unique("IT"), Map.of("identities", List.of(Map.of("channel", "WECHAT", "externalId", unique("a")))));
        String openid = unique("taken");
        track(List.of(byIdentity("WECHAT", openid, "LOGIN", Instant.now().minusSeconds(5))));
        link(marketer, first, "WECHAT", openid)
                .path("linkIdentity.customer").valueIsNull()
                .path("linkIdentity.userErrors[0].code").entity(String.class).isEqualTo("IDENTITY_TAKEN")
                .path("linkIdentity.userErrors[0].field").entityList(String.class).containsExactly("externalId")
                .path("linkIdentity.userErrors[0].message").entity(String.class)
                .satisfies(message -> assertThat(message).contains("mergeCustomers").contains(ownerOf("WECHAT", openid)));
        assertThat(ownerOf("WECHAT", openid)).isNotEqualTo(first);
    }

    @Test
    void linkingAnIdentityTheCustomerAlreadyHasChangesNothing() {
        String customer = feedCustomer(unique("IS"), Map.of());
        String appId = unique("app");
        link(service, customer, "APP_PUSH", appId).path("linkIdentity.userErrors").entityList(Object.class).hasSize(0);
        link(service, customer, "APP_PUSH", " " + appId + " ")
                .path("linkIdentity.userErrors").entityList(Object.class).hasSize(0)
                .path("linkIdentity.customer.identities[*].externalId").entityList(String.class).containsExactly(appId);
    }

    @Test
    void relationshipManagersLinkAndLookUpOnlyInTheirBook() {
        String own = feedCustomer(unique("IR"), Map.of());
        String others = feedCustomer(unique("IR"), Map.of("managerCode", rmB));
        String rmToken = userToken(unique("rma"), List.of(Role.RELATIONSHIP_MANAGER), null, rmA);
        String ownId = unique("own");
        link(rmToken, own, "WECHAT", ownId).path("linkIdentity.userErrors").entityList(Object.class).hasSize(0);
        // A mutation answers an out-of-scope customer exactly as an unknown one.
        link(rmToken, others, "WECHAT", unique("x")).path("linkIdentity.userErrors[0].code").entity(String.class)
                .isEqualTo("NOT_FOUND").path("linkIdentity.userErrors[0].message").entity(String.class)
                .isEqualTo("no such customer");
        String othersId = unique("oth");
        link(service, others, "WECHAT", othersId).path("linkIdentity.userErrors").entityList(Object.class).hasSize(0);
        lookUp(rmToken, "WECHAT", ownId).path("customerByIdentity.id").entity(String.class).isEqualTo(own);
        var outOfScope = lookUp(rmToken, "WECHAT", othersId);
        assertClassification(outOfScope, "FORBIDDEN");
        outOfScope.path("customerByIdentity").valueIsNull();
        lookUp(rmToken, "WECHAT", unique("nobody")).path("customerByIdentity").valueIsNull();
        assertClassification(link(userToken(unique("ana"), Role.ANALYST), own, "SMS", unique("s")), "FORBIDDEN");
    }

    @Test
    void linkingRepairsWhatAnInterruptedWriteLeftBehind() {
        String openid = unique("mp");
        track(List.of(byIdentity("MINI_PROGRAM", openid, "LIKE", Instant.now().minusSeconds(5))));
        String visitor = ownerOf("MINI_PROGRAM", openid);
        String survivor = feedCustomer(unique("IP"), Map.of());
        as(service).documentName("mini-program/MergeCustomers")
                .variable("input", Map.of("survivorId", survivor, "mergedId", visitor)).execute()
                .path("mergeCustomers.userErrors").entityList(Object.class).hasSize(0);
        String key = "MINI_PROGRAM:" + openid;
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key)), Update.update("customerId", local(visitor)), "identities");
        link(service, survivor, "MINI_PROGRAM", openid).path("linkIdentity.userErrors").entityList(Object.class).hasSize(0);
        assertThat(mongo.findById(key, Document.class, "identities").getString("customerId")).isEqualTo(local(survivor));

        String lost = unique("lost");
        mongo.insert(new Document("_id", "WECHAT:" + lost).append("customerId", new ObjectId().toHexString()), "identities");
        link(service, survivor, "WECHAT", lost).path("linkIdentity.userErrors[0].code").entity(String.class)
                .isEqualTo("IDENTITY_TAKEN");
        lookUp(service, "WECHAT", lost).path("customerByIdentity.lifecycleStage").entity(String.class).isEqualTo("PROSPECT");
    }

    @Test
    void malformedInputIsAUserErrorNotAFailure() {
        String customer = feedCustomer(unique("IM"), Map.of());
        link(service, "not-an-id", "WECHAT", unique("m")).path("linkIdentity.userErrors[0].code").entity(String.class)
                .isEqualTo("INVALID_ID");
        link(service, customer, "WECHAT", "   ").path("linkIdentity.userErrors[0].code").entity(String.class)
                .isEqualTo("INVALID");
        link(service, GlobalId.encode("Customer", "ffffffffffffffffffffffff"), "WECHAT", unique("m"))
                .path("linkIdentity.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
    }

    private GraphQlTester.Response link(String token, String customerId, String channel, String externalId) {
        return as(token).documentName("mini-program/LinkIdentity")
                .variable("input", Map.of("customerId", customerId, "channel", channel, "externalId", externalId)).execute();
    }

    private GraphQlTester.Response lookUp(String token, String channel, String externalId) {
        return as(token).documentName("mini-program/CustomerByIdentity")
                .variable("channel", channel).variable("externalId", externalId).execute();
    }
}
