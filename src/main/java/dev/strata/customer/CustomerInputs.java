package dev.strata.customer;

import dev.strata.shared.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads {@code upsertCustomers}' input from the variables GraphQL has already coerced to the schema's
 * types, so a 1,000-row batch is not bound field by field through reflection.
 */
final class CustomerInputs {

    private CustomerInputs() {
    }

    static CustomerInput.Batch batch(Map<String, Object> input) {
        return new CustomerInput.Batch((String) input.get("idempotencyKey"), list(input, "customers", CustomerInputs::row));
    }

    private static CustomerInput row(Map<String, Object> row) {
        return new CustomerInput((String) row.get("externalRef"), (String) row.get("name"), (String) row.get("gender"),
                (LocalDate) row.get("birthDate"), (String) row.get("phone"), (String) row.get("idNumber"),
                (String) row.get("source"), (String) row.get("riskLevel"), (LocalDate) row.get("riskAssessedAt"),
                (String) row.get("branchCode"), (String) row.get("managerCode"), (BigDecimal) row.get("aum"),
                (BigDecimal) row.get("deposits"), (BigDecimal) row.get("loans"),
                (BigDecimal) row.get("monthlyAvgDailyDeposit"), (Boolean) row.get("appRegistered"),
                (Instant) row.get("lastLoginAt"), list(row, "consents", CustomerInputs::consent),
                list(row, "identities", CustomerInputs::identity), list(row, "products", CustomerInputs::product),
                (BigDecimal) row.get("annualFeeIncome"), (BigDecimal) row.get("acquisitionCost"),
                (BigDecimal) row.get("maintenanceCost"));
    }

    private static CustomerInput.ConsentInput consent(Map<String, Object> consent) {
        return new CustomerInput.ConsentInput((String) consent.get("channel"), (Boolean) consent.get("granted"));
    }

    private static CustomerInput.IdentityInput identity(Map<String, Object> identity) {
        Object channel = identity.get("channel");
        return new CustomerInput.IdentityInput(channel instanceof Channel c ? c : Channel.valueOf((String) channel),
                (String) identity.get("externalId"));
    }

    private static CustomerInput.HeldProductInput product(Map<String, Object> product) {
        return new CustomerInput.HeldProductInput((String) product.get("code"), (LocalDate) product.get("openedAt"),
                (BigDecimal) product.get("balance"));
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Map<String, Object> parent, String field, Function<Map<String, Object>, T> element) {
        List<Map<String, Object>> values = (List<Map<String, Object>>) parent.get(field);
        if (values == null) {
            return null;
        }
        List<T> elements = new ArrayList<>(values.size());
        values.forEach(value -> elements.add(element.apply(value)));
        return elements;
    }
}
