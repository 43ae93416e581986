package dev.strata.product;

import dev.strata.shared.Scope;
import java.util.List;

import dev.strata.graphql.NodeFetcher;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** GraphQL entry to the product catalogue. */
@Controller
class ProductController implements NodeFetcher {

    private final ProductService products;

    ProductController(ProductService products) {
        this.products = products;
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

    @Override
    public String typeName() {
        return "Product";
    }

    @Override
    public Object fetch(String localId, Scope scope) {
        return products.find(localId);
    }
}
