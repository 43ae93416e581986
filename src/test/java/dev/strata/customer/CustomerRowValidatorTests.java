package dev.strata.customer;

import dev.strata.shared.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import dev.strata.graphql.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each feed rule, one bad row at a time: the error names the row index, the field and a stable code. */
class CustomerRowValidatorTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");
    private final CustomerRowValidator validator = new CustomerRowValidator(Set.of("BR01", "BR02"),
            Map.of("RM001", "BR01"), Set.of("FUND01"), TODAY, NOW);

    static CustomerInput good() {
        return new CustomerInput("C001", "张伟", "M", LocalDate.of(1990, 3, 7), "13812345678", "110101199003070011",
                "EXISTING", "C3", LocalDate.of(2026, 1, 5), "BR01", "RM001",
                new BigDecimal("120000.50"), new BigDecimal("80000"), BigDecimal.ZERO, new BigDecimal("79000.10"), true,
                Instant.parse("2026-11-20T01:00:00Z"), List.of(new CustomerInput.ConsentInput("SMS", true)),
                List.of(new CustomerInput.IdentityInput(Channel.WECHAT, "o-1")),
                List.of(new CustomerInput.HeldProductInput("FUND01", LocalDate.of(2025, 5, 1), new BigDecimal("5000.00"))),
                new BigDecimal("1200.00"), new BigDecimal("300.00"), new BigDecimal("150.00"));
    }

    @Test
    void aGoodRowHasNoErrors() {
        assertThat(validator.validate(0, good())).isEmpty();
    }

    static Stream<Arguments> badRows() {
        return Stream.of(
                bad("missing externalRef", r -> with(r, "externalRef", null), "externalRef", "REQUIRED"),
                bad("malformed externalRef", r -> with(r, "externalRef", "bad ref!"), "externalRef", "INVALID"),
                bad("missing name", r -> with(r, "name", " "), "name", "REQUIRED"),
                bad("unknown gender", r -> with(r, "gender", "X"), "gender", "INVALID"),
                bad("future birth date", r -> with(r, "birthDate", LocalDate.of(2027, 1, 1)), "birthDate", "FUTURE_DATE"),
                bad("phone with 10 digits", r -> with(r, "phone", "1381234567"), "phone", "INVALID_PHONE"),
                bad("phone not starting with 1", r -> with(r, "phone", "23812345678"), "phone", "INVALID_PHONE"),
                bad("ID with wrong check digit", r -> with(r, "idNumber", "110101199003070012"), "idNumber", "INVALID_ID_NUMBER"),
                bad("ID too short", r -> with(r, "idNumber", "11010119900307001"), "idNumber", "INVALID_ID_NUMBER"),
                bad("ID with impossible date", r -> with(r, "idNumber", validId("11010119901332001")), "idNumber",
                        "INVALID_ID_NUMBER"),
                bad("ID for another birth date", r -> with(r, "birthDate", LocalDate.of(1991, 3, 7)), "idNumber", "MISMATCH"),
                bad("future risk assessment", r -> with(r, "riskAssessedAt", TODAY.plusDays(1)), "riskAssessedAt", "FUTURE_DATE"),
                bad("future login", r -> with(r, "lastLoginAt", NOW.plusSeconds(3600)), "lastLoginAt", "FUTURE_DATE"),
                bad("negative AUM", r -> with(r, "aum", new BigDecimal("-1")), "aum", "NEGATIVE"),
                bad("three decimals", r -> with(r, "deposits", new BigDecimal("1.005")), "deposits", "TOO_PRECISE"),
                bad("negative loans", r -> with(r, "loans", new BigDecimal("-0.01")), "loans", "NEGATIVE"),
                bad("unknown branch", r -> with(r, "branchCode", "BR99"), "branchCode", "UNKNOWN_BRANCH"),
                bad("unknown RM", r -> with(r, "managerCode", "RM999"), "managerCode", "UNKNOWN_MANAGER"),
                bad("RM of another branch", r -> with(r, "branchCode", "BR02"), "managerCode", "MISMATCH"),
                bad("unknown source", r -> with(r, "source", "ONLINE"), "source", "UNKNOWN_VALUE"),
                bad("unknown risk level", r -> with(r, "riskLevel", "C9"), "riskLevel", "UNKNOWN_VALUE"),
                bad("unknown consent channel", r -> with(r, "consents", List.of(new CustomerInput.ConsentInput("FAX", true))),
                        "consents", "UNKNOWN_VALUE"),
                bad("unknown product", r -> with(r, "products",
                        List.of(new CustomerInput.HeldProductInput("NOPE", null, null))), "products", "UNKNOWN_PRODUCT"),
                bad("product opened in the future", r -> with(r, "products",
                        List.of(new CustomerInput.HeldProductInput("FUND01", TODAY.plusDays(3), null))), "products", "FUTURE_DATE"),
                bad("identity without ID", r -> with(r, "identities", List.of(new CustomerInput.IdentityInput(Channel.SMS, " "))),
                        "identities", "REQUIRED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRows")
    void eachRuleIsReportedByIndexAndField(String rule, CustomerInput row, String field, String code) {
        List<UserError> errors = validator.validate(7, row);
        assertThat(errors).extracting(UserError::code).containsExactly(code);
        assertThat(errors.get(0).field()).containsExactly("customers", "7", field);
    }

    @Test
    void trailingZerosBeyondTwoDecimalsAreFine() {
        assertThat(validator.validate(0, with(good(), "aum", new BigDecimal("10.500")))).isEmpty();
    }

    private static Arguments bad(String rule, UnaryOperator<CustomerInput> change, String field, String code) {
        return Arguments.of(rule, change.apply(good()), field, code);
    }

    private static String validId(String first17) {
        return first17 + ChineseIds.checkDigit(first17);
    }

    /** A copy of the row with one component replaced, by name. */
    static CustomerInput with(CustomerInput row, String component, Object value) {
        var components = CustomerInput.class.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = components[i].getName().equals(component) ? value : components[i].getAccessor().invoke(row);
            }
            return CustomerInput.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
