package dev.strata.card;

import dev.strata.graphql.UserError;

/** The rules a public visit must meet before anything is looked up; answers name the rule, never the value sent. */
final class VisitValidation {

    /** An unknown and a malformed slug answer alike, so slugs cannot be probed. */
    static final UserError NO_CARD = UserError.notFound("card", "slug");
    static final int MAX_EXTERNAL_ID = 128;
    static final int MAX_VISITOR_NAME = 40;
    static final int MAX_PRODUCT_CODE = 64;

    private VisitValidation() {
    }

    /** The first rule broken, or null. */
    static UserError check(CardInputs.RecordCardVisitInput input) {
        if (!CardSlugs.wellFormed(input.slug())) {
            return NO_CARD;
        }
        UserError identity = identity(input.identity(), "identity");
        if (identity != null) {
            return identity;
        }
        switch (input.action()) {
            case PRODUCT_VIEW -> {
                if (input.productCode() == null || input.productCode().isBlank()
                        || input.productCode().length() > MAX_PRODUCT_CODE) {
                    return UserError.of("REQUIRED", "productCode is required for PRODUCT_VIEW", "productCode");
                }
            }
            case SHARE -> {
                if (input.sharer() == null) {
                    return UserError.of("REQUIRED", "sharer is required for SHARE", "sharer");
                }
                return identity(input.sharer(), "sharer");
            }
            case LEAVE_CONTACT -> {
                return contact(input);
            }
            default -> {
                return null;
            }
        }
        return null;
    }

    private static UserError contact(CardInputs.RecordCardVisitInput input) {
        if (input.name() == null || input.name().isBlank() || input.name().trim().length() > MAX_VISITOR_NAME) {
            return UserError.invalid("name must be 1 to " + MAX_VISITOR_NAME + " characters", "name");
        }
        if (input.phone() == null || !CardValidation.MOBILE.matcher(input.phone().trim()).matches()) {
            return UserError.invalid("phone must be an 11-digit mobile number", "phone");
        }
        if (!Boolean.TRUE.equals(input.consent())) {
            return UserError.of("CONSENT_REQUIRED", "contact details are kept only with the visitor's consent",
                    "consent");
        }
        return null;
    }

    private static UserError identity(CardInputs.IdentityInput identity, String field) {
        if (identity == null) {
            return null;
        }
        if (identity.channel() == null || identity.externalId() == null || identity.externalId().isBlank()
                || identity.externalId().length() > MAX_EXTERNAL_ID) {
            return UserError.invalid("externalId must be 1 to " + MAX_EXTERNAL_ID + " characters", field, "externalId");
        }
        return null;
    }
}
