package dev.strata.product;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.strata.customer.Customer;
import dev.strata.graphql.BadRequestException;
import dev.strata.graphql.Batches;
import dev.strata.graphql.NodeFetcher;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL entry to the product catalogue, held products and suitability-filtered recommendations. */
@Controller
class ProductController implements NodeFetcher {

    static final int MAX_RECOMMENDATIONS = 20;
    /** Key of the one-per-request catalogue load shared by every customer's recommendations. */
    private static final String CATALOGUE = "catalogue";

    private final ProductService products;

    ProductController(ProductService products, BatchLoaderRegistry loaders) {
        this.products = products;
        loaders.<String, List<Product>>forName(CATALOGUE)
                .registerMappedBatchLoader((keys, env) -> Mono.just(Map.of(CATALOGUE, products.all())));
    }

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    List<Product> products() {
        return products.all();
    }

    @MutationMapping
    ProductService.UpsertResult upsertProducts(@Argument ProductInput.Batch input) {
        return products.upsert(input.products());
    }

    @BatchMapping(typeName = "HeldProduct")
    Map<Customer.HeldProduct, Product> product(List<Customer.HeldProduct> held) {
        Map<String, Product> byCode = products.findAll(held.stream().map(Customer.HeldProduct::code).distinct().toList());
        return Batches.byKey(held, h -> byCode.get(h.code()));
    }

    /** The catalogue is loaded once per request however many portraits ask for recommendations. */
    @SchemaMapping(typeName = "Customer")
    CompletableFuture<List<Recommender.Recommendation>> recommendations(Customer customer, @Argument int limit,
            DataLoader<String, List<Product>> catalogue) {
        if (limit < 0 || limit > MAX_RECOMMENDATIONS) {
            throw new BadRequestException("limit must be between 0 and " + MAX_RECOMMENDATIONS);
        }
        return catalogue.load(CATALOGUE).thenApply(all -> Recommender.recommend(customer, all, limit));
    }

    @Override
    public String typeName() {
        return "Product";
    }

    @Override
    public Object fetch(String localId) {
        return products.find(localId);
    }
}
