package dev.strata.card;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.strata.branch.Branch;
import dev.strata.branch.BranchService;
import dev.strata.customer.Customer;
import dev.strata.customer.CustomerService;
import dev.strata.graphql.Batches;
import dev.strata.graphql.Connection;
import dev.strata.graphql.Paging;
import dev.strata.product.Product;
import dev.strata.product.ProductService;
import dev.strata.security.Scopes;
import dev.strata.shared.Scope;
import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL entry to business cards: the public card and visit, the RM's own card and radar. */
@Controller
class CardController {

    /** Where the client address sits in the GraphQL context (put there by the campaign module's interceptor). */
    static final String CLIENT_ADDRESS = "strata.clientAddress";

    private final CardService cards;
    private final CardVisits visits;
    private final CardRadar radar;
    private final BranchService branches;
    private final ProductService products;
    private final CustomerService customers;
    private final Clock clock;

    CardController(CardService cards, CardVisits visits, CardRadar radar, BranchService branches,
            ProductService products, CustomerService customers, Clock clock) {
        this.cards = cards;
        this.visits = visits;
        this.radar = radar;
        this.branches = branches;
        this.products = products;
        this.customers = customers;
        this.clock = clock;
    }

    @QueryMapping
    BusinessCard businessCard(@Argument String slug) {
        return cards.bySlugFresh(slug);
    }

    @QueryMapping
    BusinessCard myCard() {
        return cards.myCard();
    }

    @MutationMapping
    CardInputs.UpdateBusinessCardPayload updateBusinessCard(@Argument CardInputs.UpdateBusinessCardInput input) {
        return cards.update(input);
    }

    @MutationMapping
    CardInputs.RecordCardVisitPayload recordCardVisit(@Argument CardInputs.RecordCardVisitInput input,
            GraphQLContext context) {
        Object address = context.get(CLIENT_ADDRESS);
        return visits.record(input, address == null ? "unknown" : address.toString());
    }

    @QueryMapping
    Connection<CardVisitorEntry> cardVisitors(@Argument Integer first, @Argument String after) {
        return radar.page(Paging.of(first, after));
    }

    @SchemaMapping(typeName = "BusinessCard")
    Branch branch(BusinessCard card) {
        return card.branchCode() == null ? null : branches.find(card.branchCode());
    }

    @SchemaMapping(typeName = "BusinessCard")
    List<Product> featuredProducts(BusinessCard card) {
        return cards.featuredProducts(card);
    }

    @SchemaMapping(typeName = "BusinessCard")
    int visitCount(BusinessCard card) {
        return (int) Math.min(Integer.MAX_VALUE, card.visitCount());
    }

    /** The visitor's portrait, only when they are in the viewer's scope; another RM's customer stays null. */
    @BatchMapping(typeName = "CardVisitor")
    Map<CardVisitorEntry, Customer> customer(List<CardVisitorEntry> page, GraphQLContext context) {
        Map<String, Customer> byId = PageCustomers.of(customers, context, page.stream().map(CardVisitorEntry::customerId).toList());
        return Batches.byKey(page, e -> visible(byId.get(e.customerId()), Scopes.of(context)));
    }

    @BatchMapping(typeName = "CardVisitor")
    Map<CardVisitorEntry, String> visitorName(List<CardVisitorEntry> page, GraphQLContext context) {
        Map<String, Customer> byId = PageCustomers.of(customers, context, page.stream().map(CardVisitorEntry::customerId).toList());
        return Batches.byKey(page, e -> {
            Customer customer = byId.get(e.customerId());
            if (customer == null) {
                return "访客";
            }
            return visible(customer, Scopes.of(context)) != null ? customer.name() : masked(customer.name());
        });
    }

    @BatchMapping(typeName = "CardVisitor")
    Map<CardVisitorEntry, Customer> possibleMatch(List<CardVisitorEntry> page, GraphQLContext context) {
        Map<String, Customer> byId = PageCustomers.of(customers, context, page.stream().map(CardVisitorEntry::possibleMatchId)
                .filter(java.util.Objects::nonNull).toList());
        return Batches.byKey(page, e -> e.possibleMatchId() == null ? null : visible(byId.get(e.possibleMatchId()), Scopes.of(context)));
    }

    @BatchMapping(typeName = "CardVisitor")
    Map<CardVisitorEntry, List<Product>> productsViewed(List<CardVisitorEntry> page) {
        List<String> codes = page.stream().flatMap(e -> e.productCodes().stream()).distinct().toList();
        Map<String, Product> byCode = codes.isEmpty() ? Map.of() : products.findAll(codes);
        return Batches.byKey(page, e -> e.productCodes().stream().map(byCode::get).filter(java.util.Objects::nonNull).toList());
    }

    @SchemaMapping(typeName = "CardVisitor")
    double heat(CardVisitorEntry entry) {
        return entry.heat(clock.instant());
    }

    private static Customer visible(Customer customer, Scope scope) {
        return customer != null && scope.sees(customer.branchCode(), customer.managerCode()) ? customer : null;
    }

    /** "张三丰" → "张**": enough to tell visitors apart, not enough to know who. */
    static String masked(String name) {
        if (name == null || name.isEmpty()) {
            return "访客";
        }
        return name.substring(0, name.offsetByCodePoints(0, 1)) + "**";
    }
}
