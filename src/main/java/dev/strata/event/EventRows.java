package dev.strata.event;

import dev.strata.shared.EventTypes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.strata.customer.IdentityClaims;
import dev.strata.shared.Channel;
import dev.strata.customer.Customer;
import dev.strata.graphql.GlobalId;
import dev.strata.graphql.UserError;
import dev.strata.identity.IdentityRegistry;

/** Checks one {@code trackEvents} row field by field and derives a valid row's content-addressed event ID. */
final class EventRows {

    /** Device clocks run fast; beyond this an event is from the future and refused. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    static final int MAX_PROPERTIES = 50;
    static final int MAX_KEY = 64;
    static final int MAX_VALUE = 1024;
    static final int MAX_EXTERNAL_ID = 128;
    private static final Pattern TYPE = Pattern.compile(EventTypes.PATTERN);

    private EventRows() {
    }

    /** A checked row: its errors, or everything needed to store it. */
    record Row(int index, String customerId, Customer.ChannelIdentity identity, String type, Channel channel,
            Instant occurredAt, List<Event.KeyValue> properties, List<UserError> errors) {

        boolean valid() {
            return errors.isEmpty();
        }

        /** A digest of who, what, where, when and the properties: the same event sent twice gets the same ID. */
        String eventId() {
            StringBuilder content = new StringBuilder();
            append(content, customerId != null ? "customer:" + customerId : "identity:" + IdentityClaims.key(identity));
            append(content, type);
            append(content, channel == null ? "" : channel.name());
            append(content, Long.toString(occurredAt.toEpochMilli()));
            properties.stream().sorted(Comparator.comparing(Event.KeyValue::key)).forEach(p -> {
                append(content, p.key());
                append(content, p.value());
            });
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest, 0, 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private static void append(StringBuilder content, String part) {
            content.append(part.length()).append(':').append(part).append(';');
        }
    }

    static Row parse(int index, EventInput input, Instant now) {
        List<UserError> errors = new ArrayList<>();
        String customerId = null;
        Customer.ChannelIdentity identity = null;
        if (input.customerId() == null && input.identity() == null) {
            errors.add(error(index, "REQUIRED", "give the customer as customerId or as identity", "customerId"));
        } else if (input.customerId() != null && input.identity() != null) {
            errors.add(error(index, "AMBIGUOUS", "give either customerId or identity, not both", "identity"));
        } else if (input.customerId() != null) {
            customerId = GlobalId.localIdOrNull(input.customerId(), "Customer");
            if (customerId == null) {
                errors.add(error(index, UserError.INVALID_ID, "not a valid ID", "customerId"));
            }
        } else {
            identity = identity(index, input.identity(), errors);
        }
        String type = input.type() == null ? null : input.type().trim();
        if (type == null || type.isEmpty()) {
            errors.add(error(index, "REQUIRED", "type is required, e.g. LOGIN or VIEW_PRODUCT", "type"));
        } else if (!TYPE.matcher(type).matches()) {
            errors.add(error(index, "INVALID", "type must match " + EventTypes.PATTERN, "type"));
        }
        Channel channel = input.channel() == null ? (identity == null ? null : identity.channel())
                : channel(input.channel(), errors, index, "channel");
        Instant occurredAt = occurredAt(index, input.occurredAt(), now, errors);
        List<Event.KeyValue> properties = properties(index, input.properties(), errors);
        return new Row(index, customerId, identity, type, channel, occurredAt, properties, List.copyOf(errors));
    }

    private static Customer.ChannelIdentity identity(int index, EventInput.Identity input, List<UserError> errors) {
        Channel channel = channel(input.channel(), errors, index, "identity", "channel");
        String externalId = input.externalId() == null ? "" : input.externalId().trim();
        if (externalId.isEmpty() || externalId.length() > MAX_EXTERNAL_ID) {
            errors.add(error(index, "INVALID", "externalId must be 1-" + MAX_EXTERNAL_ID + " characters", "identity",
                    "externalId"));
            return null;
        }
        return channel == null ? null : new Customer.ChannelIdentity(channel, externalId);
    }

    private static Channel channel(String name, List<UserError> errors, int index, String... field) {
        for (Channel channel : Channel.values()) {
            if (channel.name().equals(name)) {
                return channel;
            }
        }
        errors.add(error(index, "UNKNOWN_CHANNEL", "not one of " + List.of(Channel.values()), field));
        return null;
    }

    private static Instant occurredAt(int index, String text, Instant now, List<UserError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(error(index, "REQUIRED", "occurredAt is required", "occurredAt"));
            return null;
        }
        Instant occurredAt;
        try {
            occurredAt = OffsetDateTime.parse(text.trim()).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            errors.add(error(index, "INVALID", "occurredAt must be an ISO-8601 date-time with offset, e.g. "
                    + "2026-11-23T09:30:00+08:00", "occurredAt"));
            return null;
        }
        if (occurredAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
            errors.add(error(index, "IN_FUTURE", "occurredAt is more than " + FUTURE_TOLERANCE.toMinutes()
                    + " minutes in the future", "occurredAt"));
        }
        return occurredAt;
    }

    private static List<Event.KeyValue> properties(int index, List<Event.KeyValue> properties, List<UserError> errors) {
        if (properties == null) {
            return List.of();
        }
        if (properties.size() > MAX_PROPERTIES) {
            errors.add(error(index, UserError.TOO_MANY_ITEMS, "at most " + MAX_PROPERTIES + " properties per event", "properties"));
            return List.of();
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < properties.size(); i++) {
            Event.KeyValue property = properties.get(i);
            String at = String.valueOf(i);
            if (property.key().isBlank() || property.key().length() > MAX_KEY) {
                errors.add(error(index, "INVALID", "key must be 1-" + MAX_KEY + " characters", "properties", at, "key"));
            } else if (!keys.add(property.key())) {
                errors.add(error(index, "DUPLICATE", "this key appears earlier in the properties", "properties", at, "key"));
            }
            if (property.value().length() > MAX_VALUE) {
                errors.add(error(index, "INVALID", "value must be at most " + MAX_VALUE + " characters", "properties", at,
                        "value"));
            }
        }
        return List.copyOf(properties);
    }

    /** An error on field {@code events.<index>.<field...>}. */
    static UserError error(int index, String code, String message, String... field) {
        String[] path = new String[field.length + 2];
        path[0] = "events";
        path[1] = String.valueOf(index);
        System.arraycopy(field, 0, path, 2, field.length);
        return UserError.of(code, message, path);
    }
}
