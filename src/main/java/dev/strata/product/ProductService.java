package dev.strata.product;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.strata.graphql.RowErrors;
import dev.strata.graphql.UserError;
import dev.strata.graphql.Codes;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The product catalogue: what customers hold and what campaigns may offer. */
@Service
public class ProductService {

    /** Most rows one call may send. */
    static final int MAX_ROWS = 1000;

    private final MongoTemplate mongo;
    private final Clock clock;

    ProductService(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Outcome of {@code upsertProducts}. */
    public record UpsertResult(List<Product> products, List<UserError> userErrors) {
    }

    @PreAuthorize("hasAnyRole('ADMIN','MARKETER')")
    public UpsertResult upsert(List<ProductInput> rows) {
        if (rows.size() > MAX_ROWS) {
            return new UpsertResult(List.of(), List.of(UserError.tooMany(MAX_ROWS, "products")));
        }
        List<Product> stored = new ArrayList<>();
        List<UserError> errors = new ArrayList<>();
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Product.class);
        for (int i = 0; i < rows.size(); i++) {
            ProductInput row = rows.get(i);
            UserError error = Codes.checkRow(row.code(), row.name(), "products", i);
            if (error != null) {
                errors.add(error);
            } else if (!RowErrors.isMoney(row.minAmount())) {
                errors.add(UserError.of("INVALID_AMOUNT", "minAmount must be non-negative with at most 2 decimals", "products",
                        String.valueOf(i), "minAmount"));
            } else {
                Product product = new Product(row.code(), row.name().trim(), row.type(), row.risk(), row.minAmount(),
                        row.targetTiers(), clock.instant());
                bulk.replaceOne(Query.query(Criteria.where("_id").is(product.code())), product,
                        org.springframework.data.mongodb.core.FindAndReplaceOptions.options().upsert());
                stored.add(product);
            }
        }
        if (!stored.isEmpty()) {
            bulk.execute();
        }
        return new UpsertResult(stored, errors);
    }

    /** The whole catalogue, by code. */
    public List<Product> all() {
        return mongo.find(new Query().with(Sort.by("_id")), Product.class);
    }

    public Product find(String code) {
        return mongo.findById(code, Product.class);
    }

    /** Products by code in one query, for validation and batched resolution. */
    public Map<String, Product> findAll(Collection<String> codes) {
        return mongo.find(Query.query(Criteria.where("_id").in(codes)), Product.class).stream()
                .collect(Collectors.toMap(Product::code, Function.identity()));
    }
}
