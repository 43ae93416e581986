package dev.strata.customer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import dev.strata.graphql.BadRequestException;
import dev.strata.graphql.Batches;
import dev.strata.product.Product;
import dev.strata.product.ProductService;
import dev.strata.product.Recommender;
import dev.strata.product.Suitability;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The products on a portrait: what the customer holds, and what suits them next. */
@Controller
class CustomerProductsController {

    static final int MAX_RECOMMENDATIONS = 20;
    /** Key of the one-per-request catalogue load shared by every customer's recommendations. */
    private static final String CATALOGUE = "catalogue";

    private final ProductService products;
    private final Suitability suitability;

    CustomerProductsController(ProductService products, Suitability suitability, BatchLoaderRegistry loaders) {
        this.products = products;
        this.suitability = suitability;
        loaders.<String, List<Product>>forName(CATALOGUE)
                .registerMappedBatchLoader((keys, env) -> Mono.just(Map.of(CATALOGUE, products.all())));
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
        var profile = new Recommender.Profile(customer.products().stream().map(Customer.HeldProduct::code)
                .collect(Collectors.toSet()), customer.assets().aum(),
                suitability.of(customer.riskLevel(), customer.riskAssessedAt()), customer.tier());
        return catalogue.load(CATALOGUE).thenApply(all -> Recommender.recommend(profile, all, limit));
    }
}
