package dev.strata.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque Relay global ID: base64url of {@code Type:localId}, so clients never build IDs themselves. */
public record GlobalId(String type, String localId) {

    public static String encode(String type, String localId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((type + ":" + localId).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes any global ID; a malformed one is a {@link BadRequestException}. */
    public static GlobalId decode(String id) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            if (colon <= 0 || colon == raw.length() - 1) {
                throw new BadRequestException("Malformed ID");
            }
            return new GlobalId(raw.substring(0, colon), raw.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Malformed ID");
        }
    }

    /** Decodes an ID that must name an entity of {@code expectedType}. */
    public static String localId(String id, String expectedType) {
        GlobalId globalId = decode(id);
        if (!globalId.type().equals(expectedType)) {
            throw new BadRequestException("Not a " + expectedType + " ID");
        }
        return globalId.localId();
    }

    /** The local ID of a {@code expectedType} ID, or null when it is malformed or of another type. */
    public static String localIdOrNull(String id, String expectedType) {
        try {
            return id == null ? null : localId(id, expectedType);
        } catch (BadRequestException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return encode(type, localId);
    }
}
