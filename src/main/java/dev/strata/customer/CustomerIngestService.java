package dev.strata.customer;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import dev.strata.branch.BranchService;
import dev.strata.graphql.RowResult;
import dev.strata.graphql.UserError;
import dev.strata.manager.ManagerService;
import dev.strata.manager.RelationshipManager;
import dev.strata.product.ProductService;
import dev.strata.store.IdempotencyKeys;
import dev.strata.store.SequenceAllocator;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The core-banking feed's write path: validates every row, stores the good ones in one unordered bulk
 * write, and reports each bad row by index. Identical rows and replayed keys change nothing.
 */
@Service
public class CustomerIngestService {

    public static final int MAX_ROWS = 1000;
    static final String OPERATION = "upsertCustomers";
    public static final String SEQUENCE = "customerSeq";

    private final MongoTemplate mongo;
    private final BranchService branches;
    private final ManagerService managers;
    private final ProductService products;
    private final IdentityClaims identityClaims;
    private final SequenceAllocator sequences;
    private final IdempotencyKeys idempotency;
    private final Clock clock;
    private final ZoneId zone;
    private final CustomerWrites customerWrites;

    CustomerIngestService(MongoTemplate mongo, BranchService branches, ManagerService managers, ProductService products,
            IdentityClaims identityClaims, SequenceAllocator sequences, IdempotencyKeys idempotency, Clock clock,
            @Value("${strata.time-zone:Asia/Shanghai}") ZoneId zone, CustomerWrites customerWrites) {
        this.customerWrites = customerWrites;
        this.mongo = mongo;
        this.branches = branches;
        this.managers = managers;
        this.products = products;
        this.identityClaims = identityClaims;
        this.sequences = sequences;
        this.idempotency = idempotency;
        this.clock = clock;
        this.zone = zone;
    }

    /** Counts by outcome, one row result per input row, and errors about the batch as a whole. */
    public record UpsertResult(int created, int updated, int unchanged, List<RowResult> rows, List<UserError> userErrors) {
    }

    @PreAuthorize("hasAnyRole('ADMIN','SERVICE')")
    public UpsertResult upsert(CustomerInput.Batch batch) {
        List<CustomerInput> rows = batch.customers() == null ? List.of() : batch.customers();
        if (rows.size() > MAX_ROWS) {
            return new UpsertResult(0, 0, 0, List.of(), List.of(UserError.tooMany(MAX_ROWS, "customers")));
        }
        var replay = idempotency.find(OPERATION, batch.idempotencyKey()).filter(StoredReplies::isReadable);
        if (replay.isPresent()) {
            return StoredReplies.read(replay.get());
        }
        UpsertResult result = store(rows);
        if (!RowOutcomes.hasConflicts(result)) {
            // A conflict is transient: a retry under the same key must run again, not replay it.
            idempotency.remember(OPERATION, batch.idempotencyKey(), StoredReplies.of(result));
        }
        return result;
    }

    private UpsertResult store(List<CustomerInput> rows) {
        Instant now = clock.instant();
        Map<String, RelationshipManager> rms = managers.findAll(codes(rows, CustomerInput::managerCode));
        CustomerRowValidator validator = validator(rows, rms, now);
        Map<String, Stored> existing = existing(rows);
        RowOutcomes outcomes = new RowOutcomes(rows.size());
        BatchIdentities identities = new BatchIdentities(identityClaims, rows);
        Set<String> seen = new HashSet<>();
        List<Integer> creates = new ArrayList<>();
        String[] hashes = new String[rows.size()];
        List<WriteModel<Document>> writes = new ArrayList<>();
        List<Integer> writtenRows = new ArrayList<>();
        Document[] inserts = new Document[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            CustomerInput row = rows.get(i);
            List<UserError> errors = validator.validate(i, row);
            if (errors.isEmpty() && !seen.add(row.externalRef())) {
                errors = List.of(UserError.of("DUPLICATE_IN_BATCH", "externalRef appears earlier in this batch",
                        "customers", String.valueOf(i), "externalRef"));
            }
            Stored before = errors.isEmpty() ? existing.get(row.externalRef()) : null;
            UserError taken = errors.isEmpty() ? identities.check(i, before == null ? null : before.id()) : null;
            if (taken != null) {
                errors = List.of(taken);
            }
            if (!errors.isEmpty()) {
                outcomes.reject(i, row.externalRef(), errors);
                continue;
            }
            String hash = CustomerRows.contentHash(row);
            hashes[i] = hash;
            if (before == null) {
                creates.add(i);
            } else if (hash.equals(before.contentHash())) {
                outcomes.unchanged(i, row.externalRef(), before.id());
            } else {
                writes.add(new UpdateOneModel<>(new Document("_id", CustomerDocuments.id(before.id())),
                        CustomerRows.update(row, branchOf(row, rms), hash, now)));
                writtenRows.add(i);
                outcomes.updated(i, row.externalRef(), before.id());
                identities.storing(i, before.id());
            }
        }
        long firstSeq = creates.isEmpty() ? 0 : sequences.allocate(SEQUENCE, creates.size());
        for (int n = 0; n < creates.size(); n++) {
            int i = creates.get(n);
            CustomerInput row = rows.get(i);
            String id = new ObjectId().toHexString();
            Customer customer = CustomerRows.newCustomer(row, branchOf(row, rms), id, firstSeq + n, hashes[i], now);
            inserts[i] = CustomerDocuments.of(customer);
            writes.add(new InsertOneModel<>(inserts[i]));
            writtenRows.add(i);
            outcomes.created(i, row.externalRef(), id);
            identities.storing(i, id);
        }
        if (!writes.isEmpty()) {
            customerWrites.bulkWrite(writes, error -> outcomes.conflict(writtenRows.get(error.getIndex()), error.getMessage()),
                    () -> {
                        identities.claim(outcomes::stored);
                        List<Document> inserted = new ArrayList<>(creates.size());
                        for (int i : creates) {
                            if (outcomes.stored(i)) {
                                inserted.add(inserts[i]);
                            }
                        }
                        return CustomersChanged.of(outcomes.updatedCustomerIds(), inserted);
                    });
        }
        return outcomes.result();
    }

    private CustomerRowValidator validator(List<CustomerInput> rows, Map<String, RelationshipManager> rms, Instant now) {
        Set<String> knownBranches = branches.findAll(codes(rows, CustomerInput::branchCode)).keySet();
        Map<String, String> managerBranches = new HashMap<>();
        rms.forEach((code, rm) -> managerBranches.put(code, rm.branchCode()));
        Set<String> productCodes = rows.stream().filter(r -> r.products() != null).flatMap(r -> r.products().stream())
                .map(CustomerInput.HeldProductInput::code).filter(Objects::nonNull).collect(Collectors.toSet());
        Set<String> knownProducts = productCodes.isEmpty() ? Set.of() : products.findAll(productCodes).keySet();
        return new CustomerRowValidator(knownBranches, managerBranches, knownProducts, now.atZone(zone).toLocalDate(), now);
    }

    /** What the feed needs of a stored customer: which one it is and what the feed last sent for it. */
    private record Stored(String id, String contentHash) {
    }

    private Map<String, Stored> existing(List<CustomerInput> rows) {
        Query query = Query.query(Criteria.where("externalRef").in(codes(rows, CustomerInput::externalRef)));
        query.fields().include("externalRef", "contentHash");
        Map<String, Stored> stored = new HashMap<>();
        for (Document customer : mongo.find(query, Document.class, CustomerDocuments.COLLECTION)) {
            stored.put(customer.getString("externalRef"),
                    new Stored(customer.get("_id").toString(), customer.getString("contentHash")));
        }
        return stored;
    }

    /** The row's branch, or the branch of its RM when the row names only the RM. */
    private static String branchOf(CustomerInput row, Map<String, RelationshipManager> rms) {
        if (row.branchCode() != null || row.managerCode() == null) {
            return row.branchCode();
        }
        RelationshipManager rm = rms.get(row.managerCode());
        return rm == null ? null : rm.branchCode();
    }

    private static Set<String> codes(List<CustomerInput> rows, Function<CustomerInput, String> code) {
        return rows.stream().map(code).filter(Objects::nonNull).collect(Collectors.toSet());
    }
}
