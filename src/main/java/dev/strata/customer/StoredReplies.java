package dev.strata.customer;

import java.util.ArrayList;
import java.util.List;

import dev.strata.graphql.RowResult;
import dev.strata.graphql.UserError;
import org.bson.Document;

/**
 * A feed batch's answer as kept under its idempotency key, compactly: a batch of a thousand rows is kept
 * as two lists of strings (references and customer IDs, by row) plus the errors of the rows that had any,
 * not as a thousand small documents.
 */
final class StoredReplies {

    private StoredReplies() {
    }

    static Document of(CustomerIngestService.UpsertResult result) {
        List<String> refs = new ArrayList<>(result.rows().size());
        List<String> ids = new ArrayList<>(result.rows().size());
        List<Document> rowErrors = new ArrayList<>();
        for (RowResult row : result.rows()) {
            refs.add(row.externalRef());
            ids.add(row.customerId());
            row.userErrors().forEach(error -> rowErrors.add(error(error).append("row", row.index())));
        }
        return new Document("created", result.created()).append("updated", result.updated())
                .append("unchanged", result.unchanged()).append("refs", refs).append("ids", ids)
                .append("rowErrors", rowErrors)
                .append("userErrors", result.userErrors().stream().map(StoredReplies::error).toList());
    }

    /** Whether an answer is in this form; one stored by an older build is not, and its batch simply runs again. */
    static boolean isReadable(Document stored) {
        return stored.get("refs") instanceof List<?> && stored.get("ids") instanceof List<?>;
    }

    static CustomerIngestService.UpsertResult read(Document stored) {
        List<String> refs = stored.getList("refs", String.class);
        List<String> ids = stored.getList("ids", String.class);
        List<List<UserError>> errorsByRow = new ArrayList<>(refs.size());
        for (int i = 0; i < refs.size(); i++) {
            errorsByRow.add(new ArrayList<>());
        }
        for (Document error : stored.getList("rowErrors", Document.class)) {
            errorsByRow.get(error.getInteger("row")).add(userError(error));
        }
        List<RowResult> rows = new ArrayList<>(refs.size());
        for (int i = 0; i < refs.size(); i++) {
            rows.add(new RowResult(i, refs.get(i), ids.get(i), List.copyOf(errorsByRow.get(i))));
        }
        return new CustomerIngestService.UpsertResult(stored.getInteger("created"), stored.getInteger("updated"),
                stored.getInteger("unchanged"), rows,
                stored.getList("userErrors", Document.class).stream().map(StoredReplies::userError).toList());
    }

    private static Document error(UserError error) {
        return new Document("field", error.field()).append("message", error.message()).append("code", error.code());
    }

    private static UserError userError(Document error) {
        return new UserError(error.getList("field", String.class), error.getString("message"), error.getString("code"));
    }
}
