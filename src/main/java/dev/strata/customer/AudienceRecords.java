package dev.strata.customer;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.strata.audience.AudienceRecord;
import org.bson.Document;

/** Turns stored customer documents into what the audience index keeps of them. */
final class AudienceRecords {

    /**
     * Fields of a stored customer the records derive from: the index reads only these. Embedded documents
     * are read whole (they are small), since projecting paths inside arrays costs the embedded store more.
     */
    static final String[] FIELDS = {"seq", "mergedInto", "branchCode", "managerCode", "tier", "source", "lifecycleStage",
        "riskLevel", "value", "labels", "products", "consents", "assets", "birthDate", "digital"};
    /** What the index reads: the fields plus the document's revision, which every write bumps and so triggers nothing. */
    static final List<String> READ = Stream.concat(Stream.of(FIELDS), Stream.of(CustomerDocuments.REVISION)).toList();

    private AudienceRecords() {
    }

    /**
     * The record of a stored customer document (raw, so re-indexing skips object mapping); merged-away ones are not
     * live; days of last logins are counted in {@code zone}.
     */
    static AudienceRecord of(Document customer, ZoneId zone) {
        int seq = Math.toIntExact(((Number) customer.get("seq")).longValue());
        Number stored = (Number) customer.get(CustomerDocuments.REVISION);
        long revision = stored == null ? 0 : stored.longValue();
        if (customer.get("mergedInto") != null) {
            return AudienceRecord.gone(seq, revision);
        }
        Document value = customer.get("value", Document.class);
        List<String> consents = new ArrayList<>();
        for (Document consent : list(customer, "consents")) {
            if (Boolean.TRUE.equals(consent.getBoolean("granted"))) {
                consents.add(consent.getString("channel"));
            }
        }
        return new AudienceRecord(seq, true, customer.getString("branchCode"), customer.getString("managerCode"),
                customer.getString("tier"), customer.getString("source"), customer.getString("lifecycleStage"),
                customer.getString("riskLevel"), value == null ? null : value.getString("quadrant"),
                strings(customer, "labels", "labelId"), strings(customer, "products", "code"), consents,
                AudienceMeasures.of(customer, zone), revision);
    }

    static List<AudienceRecord> of(List<Document> customers, ZoneId zone) {
        return customers.stream().map(customer -> of(customer, zone)).toList();
    }

    private static List<String> strings(Document customer, String field, String key) {
        List<String> values = new ArrayList<>();
        for (Document element : list(customer, field)) {
            String value = element.getString(key);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private static List<Document> list(Document customer, String field) {
        List<Document> values = customer.getList(field, Document.class);
        return values == null ? List.of() : values;
    }
}
