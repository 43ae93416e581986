package dev.strata.customer;

import java.util.List;
import java.util.Map;

import dev.strata.security.Role;
import dev.strata.support.StrataIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Masking cannot be undone through other fields or search: a masked viewer gets no birth date (age stays),
 * and exact search by phone or ID number only matches where the viewer reads them in clear.
 */
class MaskedSearchTests extends StrataIntegrationTest {

    private static final String FIND = """
            query($term: String!) { customers(first: 10, filter: {search: $term}) { totalCount edges { node { externalRef } } } }
            """;

    private String rm;
    private String marketer;
    private String rmToken;
    private String phone;
    private String idNumber;
    private String ref;

    @BeforeEach
    void customer() {
        String branch = unique("MB");
        rm = unique("MR");
        asAdmin().documentName("admin/UpsertBranches")
                .variable("input", Map.of("branches", List.of(Map.of("code", branch, "name", "支行")))).execute();
        asAdmin().documentName("admin/UpsertRelationshipManagers")
                .variable("input", Map.of("managers", List.of(Map.of("code", rm, "name", "经理", "branchCode", branch))))
                .execute();
        marketer = userToken(unique("mkt"), Role.MARKETER);
        rmToken = userToken(unique("rm"), List.of(Role.RELATIONSHIP_MANAGER), null, rm);
        long n = System.nanoTime() % 100_000_000L;
        phone = String.format("139%08d", n);
        String first17 = "31010119900307" + String.format("%03d", n % 1000);
        idNumber = first17 + ChineseIds.checkDigit(first17);
        ref = unique("MS");
        as(userToken(unique("feed"), Role.SERVICE)).documentName("feed/UpsertCustomers").variable("input", Map.of("customers",
                List.of(Map.of("externalRef", ref, "name", "客户", "managerCode", rm, "phone", phone, "idNumber", idNumber,
                        "birthDate", "1990-03-07")))).execute()
                .path("upsertCustomers.created").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void aMaskedViewerGetsAgeButNoBirthDate() {
        as(marketer).document("query($ref: String!) { customerByRef(externalRef: $ref) { birthDate age idNumber } }")
                .variable("ref", ref).execute()
                .path("customerByRef.birthDate").valueIsNull()
                .path("customerByRef.age").entity(Integer.class).satisfies(age -> org.assertj.core.api.Assertions.assertThat(age).isPositive())
                .path("customerByRef.idNumber").entity(String.class).isEqualTo(Masking.maskIdNumber(idNumber));
        asAdmin().document("query($ref: String!) { customerByRef(externalRef: $ref) { birthDate } }")
                .variable("ref", ref).execute().path("customerByRef.birthDate").entity(String.class).isEqualTo("1990-03-07");
    }

    @Test
    void exactPhoneSearchOnlyMatchesWhereThePhoneIsReadInClear() {
        as(marketer).document(FIND).variable("term", phone).execute().path("customers.totalCount").entity(Integer.class).isEqualTo(0);
        as(rmToken).document(FIND).variable("term", phone).execute().path("customers.totalCount").entity(Integer.class).isEqualTo(1);
        asAdmin().document(FIND).variable("term", phone).execute().path("customers.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void idNumberSearchOnlyMatchesForWhoeverReadsIdNumbersInClear() {
        as(marketer).document(FIND).variable("term", idNumber).execute().path("customers.totalCount").entity(Integer.class).isEqualTo(0);
        as(rmToken).document(FIND).variable("term", idNumber).execute().path("customers.totalCount").entity(Integer.class).isEqualTo(0);
        asAdmin().document(FIND).variable("term", idNumber).execute().path("customers.totalCount").entity(Integer.class).isEqualTo(1);
    }
}
