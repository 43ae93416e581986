package dev.strata.customer;

import dev.strata.shared.Channel;
import dev.strata.shared.CustomerSource;
import dev.strata.shared.RiskLevel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.strata.graphql.RowErrors;
import dev.strata.graphql.UserError;

/**
 * Checks one {@code upsertCustomers} row against every rule the feed must honour, so a bad row is
 * reported by index and field while the good rows are stored.
 */
final class CustomerRowValidator {

    static final int MAX_NAME = 100;
    private static final Pattern EXTERNAL_REF = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Set<String> GENDERS = Set.of("M", "F");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private final Set<String> branches;
    private final Map<String, String> managerBranches;
    private final Set<String> products;
    private final LocalDate today;
    private final Instant now;

    /**
     * @param managerBranches each known RM code mapped to its branch code
     * @param products the known product codes among those the batch names
     */
    CustomerRowValidator(Set<String> branches, Map<String, String> managerBranches, Set<String> products, LocalDate today,
            Instant now) {
        this.branches = branches;
        this.managerBranches = managerBranches;
        this.products = products;
        this.today = today;
        this.now = now;
    }

    List<UserError> validate(int index, CustomerInput row) {
        RowErrors errors = new RowErrors("customers", index);
        if (row.externalRef() == null || row.externalRef().isBlank()) {
            errors.add("externalRef", "REQUIRED", "externalRef is required");
        } else if (!EXTERNAL_REF.matcher(row.externalRef()).matches()) {
            errors.add("externalRef", "INVALID", "externalRef must be 1-64 letters, digits or . _ : -");
        }
        if (row.name() == null || row.name().isBlank()) {
            errors.add("name", "REQUIRED", "name is required");
        } else if (row.name().length() > MAX_NAME) {
            errors.add("name", "TOO_LONG", "name must be at most " + MAX_NAME + " characters");
        }
        if (row.gender() != null && !GENDERS.contains(row.gender())) {
            errors.add("gender", "INVALID", "gender must be M or F");
        }
        boolean birthDateValid = checkBirthDate(row, errors);
        if (row.phone() != null && !ChineseIds.isMobile(row.phone())) {
            errors.add("phone", "INVALID_PHONE", "phone must be an 11-digit mainland mobile number starting with 1");
        }
        checkIdNumber(row, birthDateValid, errors);
        checkNotFuture(row.riskAssessedAt(), "riskAssessedAt", errors);
        if (row.lastLoginAt() != null && row.lastLoginAt().isAfter(now)) {
            errors.add("lastLoginAt", "FUTURE_DATE", "lastLoginAt must not be in the future");
        }
        errors.money(row.aum(), "aum");
        errors.money(row.deposits(), "deposits");
        errors.money(row.loans(), "loans");
        errors.money(row.monthlyAvgDailyDeposit(), "monthlyAvgDailyDeposit");
        errors.money(row.annualFeeIncome(), "annualFeeIncome");
        errors.money(row.acquisitionCost(), "acquisitionCost");
        errors.money(row.maintenanceCost(), "maintenanceCost");
        checkEnum(row.source(), CustomerSource.class, "source", errors);
        checkEnum(row.riskLevel(), RiskLevel.class, "riskLevel", errors);
        if (row.consents() != null) {
            row.consents().forEach(c -> checkEnum(c.channel(), Channel.class, "consents", errors));
        }
        checkOrganisation(row, errors);
        checkIdentities(row, errors);
        checkProducts(row, errors);
        return errors.list();
    }

    /** Returns whether the row has a birth date that passed its checks. */
    private boolean checkBirthDate(CustomerInput row, RowErrors errors) {
        if (row.birthDate() == null) {
            return false;
        }
        if (row.birthDate().isAfter(today)) {
            errors.add("birthDate", "FUTURE_DATE", "birthDate must not be in the future");
            return false;
        }
        if (row.birthDate().isBefore(EARLIEST_BIRTH)) {
            errors.add("birthDate", "INVALID", "birthDate must be after 1900-01-01");
            return false;
        }
        return true;
    }

    private void checkIdNumber(CustomerInput row, boolean birthDateValid, RowErrors errors) {
        if (row.idNumber() == null) {
            return;
        }
        if (!ChineseIds.isResidentId(row.idNumber())) {
            errors.add("idNumber", "INVALID_ID_NUMBER",
                    "idNumber must be an 18-character resident ID with a valid GB 11643 check digit");
        } else if (birthDateValid && !row.birthDate().equals(ChineseIds.birthDate(row.idNumber()))) {
            errors.add("idNumber", "MISMATCH", "idNumber encodes a different birth date than birthDate");
        }
    }

    private void checkNotFuture(LocalDate date, String field, RowErrors errors) {
        if (date != null && date.isAfter(today)) {
            errors.add(field, "FUTURE_DATE", field + " must not be in the future");
        }
    }


    private void checkOrganisation(CustomerInput row, RowErrors errors) {
        boolean branchKnown = row.branchCode() != null && branches.contains(row.branchCode());
        if (row.branchCode() != null && !branchKnown) {
            errors.add("branchCode", "UNKNOWN_BRANCH", "no such branch");
        }
        if (row.managerCode() == null) {
            return;
        }
        String managerBranch = managerBranches.get(row.managerCode());
        if (managerBranch == null) {
            errors.add("managerCode", "UNKNOWN_MANAGER", "no such relationship manager");
        } else if (branchKnown && !managerBranch.equals(row.branchCode())) {
            errors.add("managerCode", "MISMATCH", "the manager belongs to another branch");
        }
    }

    private static <E extends Enum<E>> void checkEnum(String value, Class<E> type, String field, RowErrors errors) {
        if (value == null) {
            return;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return;
            }
        }
        errors.add(field, "UNKNOWN_VALUE", "not one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    private void checkProducts(CustomerInput row, RowErrors errors) {
        if (row.products() == null) {
            return;
        }
        for (CustomerInput.HeldProductInput held : row.products()) {
            if (held.code() == null || !products.contains(held.code())) {
                errors.add("products", "UNKNOWN_PRODUCT", "no such product");
                return;
            }
            if (held.openedAt() != null && held.openedAt().isAfter(today)) {
                errors.add("products", "FUTURE_DATE", "a product's openedAt must not be in the future");
                return;
            }
            if (!RowErrors.isMoney(held.balance())) {
                errors.add("products", "INVALID_AMOUNT", "a product's balance must be non-negative with at most 2 decimals");
                return;
            }
        }
    }

    private static void checkIdentities(CustomerInput row, RowErrors errors) {
        if (row.identities() == null) {
            return;
        }
        for (CustomerInput.IdentityInput identity : row.identities()) {
            if (identity.externalId() == null || identity.externalId().isBlank()) {
                errors.add("identities", "REQUIRED", "every identity needs an externalId");
                return;
            }
        }
    }
}
