package dev.strata.card;

import java.time.Instant;
import java.util.List;

import dev.strata.customer.Customer;
import dev.strata.graphql.UserError;

/** Inputs and payloads of the card's mutations. */
final class CardInputs {

    private CardInputs() {
    }

    /** What a visitor did on a card page. */
    enum CardAction { VIEW, PRODUCT_VIEW, CALL_TAP, SHARE, LEAVE_CONTACT }

    /** Every field optional: only those sent change; {@code managerCode} lets a branch manager edit a card of their branch. */
    record UpdateBusinessCardInput(String managerCode, String displayName, String title, String intro, String photoUrl,
            String phone, String qrUrl, List<String> featuredProductCodes) {
    }

    record UpdateBusinessCardPayload(BusinessCard card, List<UserError> userErrors) {
    }

    /** A visitor's channel identity as the page knows it (a WeChat or mini-program openid, or the page's own ID). */
    record IdentityInput(dev.strata.shared.Channel channel, String externalId) {
        Customer.ChannelIdentity toIdentity() {
            return new Customer.ChannelIdentity(channel, externalId.trim());
        }
    }

    record RecordCardVisitInput(String slug, IdentityInput identity, CardAction action, String productCode, String name,
            String phone, Boolean consent, IdentityInput sharer, Instant clientTime) {
    }

    /** A public answer: whether the visit was recorded, nothing about anyone. */
    record RecordCardVisitPayload(boolean recorded, List<UserError> userErrors) {
        static RecordCardVisitPayload refused(UserError error) {
            return new RecordCardVisitPayload(false, List.of(error));
        }
    }
}
