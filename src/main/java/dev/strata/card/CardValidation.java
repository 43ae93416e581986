package dev.strata.card;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.strata.graphql.UserError;

/** Length and URL rules of a card's fields; messages state the rule and never repeat the value. */
final class CardValidation {

    static final int MAX_NAME = 40;
    static final int MAX_TITLE = 40;
    static final int MAX_INTRO = 300;
    static final int MAX_URL = 500;
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,20}");
    /** A mainland mobile number, as a visitor leaves it. */
    static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    private CardValidation() {
    }

    static List<UserError> check(CardInputs.UpdateBusinessCardInput input) {
        List<UserError> errors = new ArrayList<>();
        if (input.displayName() != null && (input.displayName().isBlank() || input.displayName().length() > MAX_NAME)) {
            errors.add(UserError.invalid("displayName must be 1 to " + MAX_NAME + " characters", "displayName"));
        }
        length(errors, input.title(), MAX_TITLE, "title");
        length(errors, input.intro(), MAX_INTRO, "intro");
        url(errors, input.photoUrl(), "photoUrl");
        url(errors, input.qrUrl(), "qrUrl");
        if (input.phone() != null && !input.phone().isBlank() && !PHONE.matcher(input.phone().trim()).matches()) {
            errors.add(UserError.invalid("phone must be 5 to 20 digits, spaces, '+' or '-'", "phone"));
        }
        return errors;
    }

    private static void length(List<UserError> errors, String value, int max, String field) {
        if (value != null && value.length() > max) {
            errors.add(UserError.invalid(field + " must be at most " + max + " characters", field));
        }
    }

    /** https only, with a host, no credentials, at most {@link #MAX_URL} characters; blank clears the field. */
    static void url(List<UserError> errors, String value, String field) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (!httpsUrl(value.trim())) {
            errors.add(UserError.invalid(field + " must be an https URL of at most " + MAX_URL + " characters", field));
        }
    }

    static boolean httpsUrl(String value) {
        if (value.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
