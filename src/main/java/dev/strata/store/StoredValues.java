package dev.strata.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * Values in the form Spring Data's mapping stores them, for documents built by hand where mapping each one costs
 * as much as writing it: one definition for every module's hand-built documents.
 */
public final class StoredValues {

    private StoredValues() {
    }

    /** A {@code String} ID as the mapping stores it: an ObjectId when it reads as one. */
    public static Object id(String id) {
        return ObjectId.isValid(id) ? new ObjectId(id) : id;
    }

    /** Puts {@code value} in its stored form, leaving the field out when it is null, as the mapping does. */
    public static void putIfPresent(Document document, String field, Object value) {
        if (value != null) {
            document.put(field, stored(value));
        }
    }

    /**
     * A simple value in its stored form: money as Decimal128, instants as BSON dates, enums by name. Dates
     * stay {@code LocalDate}: the driver's codec writes them as UTC midnight (see MongoConversions).
     */
    public static Object stored(Object value) {
        if (value instanceof BigDecimal decimal) {
            return new Decimal128(decimal);
        }
        if (value instanceof Instant instant) {
            return Date.from(instant);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value;
    }
}
