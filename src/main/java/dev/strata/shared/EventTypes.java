package dev.strata.shared;

import java.util.Set;

/**
 * The event types Strata knows the meaning of. Any other type matching {@link #PATTERN} is stored as
 * sent, so channels can add behaviours before Strata understands them.
 */
public final class EventTypes {

    public static final String LOGIN = "LOGIN";
    public static final String VIEW_PRODUCT = "VIEW_PRODUCT";
    public static final String LIKE = "LIKE";
    public static final String COMMENT = "COMMENT";
    public static final String SHARE = "SHARE";
    public static final String TRANSFER = "TRANSFER";
    public static final String BILL_PAYMENT = "BILL_PAYMENT";
    public static final String PURCHASE = "PURCHASE";
    public static final String OPEN_MESSAGE = "OPEN_MESSAGE";
    public static final String VIEW_CARD = "VIEW_CARD";
    public static final String SIGN_UP = "SIGN_UP";
    /** Card events (VIEW_CARD and SHARE above are card events too): a product looked at, a call tapped, contact left. */
    public static final String CARD_PRODUCT_VIEW = "CARD_PRODUCT_VIEW";
    public static final String CARD_CALL_TAP = "CARD_CALL_TAP";
    public static final String CARD_LEAVE_CONTACT = "CARD_LEAVE_CONTACT";

    public static final Set<String> KNOWN = Set.of(LOGIN, VIEW_PRODUCT, LIKE, COMMENT, SHARE, TRANSFER, BILL_PAYMENT,
            PURCHASE, OPEN_MESSAGE, VIEW_CARD, SIGN_UP, CARD_PRODUCT_VIEW, CARD_CALL_TAP, CARD_LEAVE_CONTACT);

    /** The property of a SHARE naming who shared: a Customer ID or the sharer's externalId on the event's channel. */
    public static final String REFERRER = "referrer";

    /** What a type may look like: a letter, then letters, digits, '_', '.', ':' or '-', at most 64 in all. */
    public static final String PATTERN = "[A-Za-z][A-Za-z0-9_.:-]{0,63}";

    private EventTypes() {
    }
}
