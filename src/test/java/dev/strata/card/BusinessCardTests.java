package dev.strata.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The card itself: public reads show only the card, edits follow the length, URL and suitability rules, and scope. */
class BusinessCardTests extends CardTestSupport {

    @Test
    void everyRmHasACardAndThePublicReadShowsOnlyTheCardWithoutAToken() {
        Map<String, Object> card = anonymous().documentName("business-card/BusinessCard").variable("slug", slugA).execute()
                .path("businessCard").entity(Map.class).get();
        assertThat(card).containsEntry("displayName", "顾青").containsEntry("title", "理财经理")
                .containsEntry("phone", "0571-88001234").containsEntry("visitCount", 0);
        assertThat(((Map<?, ?>) card.get("branch")).get("name")).isEqualTo("杭州西湖支行");
        assertThat(slugA).matches("[a-z0-9]{16}").isNotEqualTo(slugB);
    }

    @Test
    void anUnknownSlugAndAMalformedOneAnswerAlike() {
        anonymous().documentName("business-card/BusinessCard").variable("slug", "zzzzzzzzzzzzzzzz").execute()
                .path("businessCard").valueIsNull();
        anonymous().documentName("business-card/BusinessCard").variable("slug", "../../etc/passwd").execute()
                .path("businessCard").valueIsNull();
        List<Map> unknown = visit("zzzzzzzzzzzzzzzz", "o-u1", "VIEW", Map.of())
                .path("recordCardVisit.userErrors").entityList(Map.class).get();
        List<Map> malformed = visit("<script>", "o-u1", "VIEW", Map.of())
                .path("recordCardVisit.userErrors").entityList(Map.class).get();
        assertThat(malformed).isEqualTo(unknown);
        assertThat(unknown.get(0)).containsEntry("code", "NOT_FOUND").containsEntry("message", "no such card");
    }

    @Test
    void onlyR1ProductsMayBeFeaturedBecauseTheCardIsPublic() {
        Map<String, Object> refused = asRmA.document("""
                mutation($i: UpdateBusinessCardInput!) { updateBusinessCard(input: $i) {
                  card { featuredProducts { code } } userErrors { field code message } } }""")
                .variable("i", Map.of("featuredProductCodes", List.of("CT-R1", "CT-R3")))
                .execute().path("updateBusinessCard").entity(Map.class).get();
        assertThat((List<Map<String, Object>>) refused.get("userErrors")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("code", "UNSUITABLE")
                        .containsEntry("field", List.of("featuredProductCodes", "1")));
        asRmA.document("""
                mutation($i: UpdateBusinessCardInput!) { updateBusinessCard(input: $i) {
                  card { featuredProducts { code risk } } userErrors { code } } }""")
                .variable("i", Map.of("featuredProductCodes", List.of("CT-R1", "CT-R1B")))
                .execute().path("updateBusinessCard.userErrors").entityList(Object.class).hasSize(0)
                .path("updateBusinessCard.card.featuredProducts[*].risk").entityList(String.class)
                .containsExactly("R1", "R1");
        asRmA.document("mutation($i: UpdateBusinessCardInput!) { updateBusinessCard(input: $i) { userErrors { code } } }")
                .variable("i", Map.of("featuredProductCodes", List.of("a", "b", "c", "d", "e", "f", "g")))
                .execute().path("updateBusinessCard.userErrors[0].code").entity(String.class).isEqualTo("TOO_MANY_ITEMS");
    }

    @Test
    void lengthsAndHttpsUrlsAreCheckedWithoutEchoingTheInput() {
        List<Map> errors = asRmA.document("""
                mutation($i: UpdateBusinessCardInput!) { updateBusinessCard(input: $i) { userErrors { field code message } } }""")
                .variable("i", Map.of("photoUrl", "http://evil.example/x.png", "qrUrl", "javascript:alert(1)",
                        "intro", "长".repeat(301), "displayName", " "))
                .execute().path("updateBusinessCard.userErrors").entityList(Map.class).get();
        assertThat(errors.stream().map(e -> (Object) ((List<?>) e.get("field")).get(0)).toList())
                .containsExactlyInAnyOrder("photoUrl", "qrUrl", "intro", "displayName");
        assertThat(errors).allSatisfy(e -> assertThat((String) e.get("message")).doesNotContain("evil", "javascript", "长长"));
        asRmA.document("""
                mutation($i: UpdateBusinessCardInput!) { updateBusinessCard(input: $i) { card { photoUrl intro } userErrors { code } } }""")
                .variable("i", Map.of("photoUrl", "https://cdn.bank.example/rm/a.jpg", "intro", "您好"))
                .execute().path("updateBusinessCard.card.photoUrl").entity(String.class)
                .isEqualTo("https://cdn.bank.example/rm/a.jpg");
    }

    @Test
    void anRmEditsOnlyTheirOwnCardAndABranchManagerTheirBranchs() {
        asRmB.document("mutation($i: UpdateBusinessCardInput!) { updateBusinessCard(input: $i) { userErrors { code } } }")
                .variable("i", Map.of("managerCode", rmA, "title", "冒名"))
                .execute().path("updateBusinessCard.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        asBranchManager.document("""
                mutation($i: UpdateBusinessCardInput!) { updateBusinessCard(input: $i) { card { title } userErrors { code } } }""")
                .variable("i", Map.of("managerCode", rmA, "title", "高级理财经理"))
                .execute().path("updateBusinessCard.card.title").entity(String.class).isEqualTo("高级理财经理");
        assertClassification(anonymous().document("{ myCard { slug } }").execute(), "UNAUTHORIZED");
        assertClassification(asMarketer.document("{ myCard { slug } }").execute(), "FORBIDDEN");
    }
}
