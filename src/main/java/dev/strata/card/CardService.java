package dev.strata.card;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import dev.strata.graphql.UserError;
import dev.strata.manager.ManagerService;
import dev.strata.manager.RelationshipManager;
import dev.strata.product.Product;
import dev.strata.product.ProductService;
import dev.strata.product.Suitability;
import dev.strata.security.Role;
import dev.strata.security.StrataPrincipal;
import dev.strata.security.Viewers;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Reads and edits cards; the public read goes by slug through a short-lived cache, since every page view asks. */
@Service
public class CardService {

    static final int MAX_FEATURED = 6;

    private final MongoTemplate mongo;
    private final ManagerService managers;
    private final ProductService products;
    private final Suitability suitability;
    private final CardProvisioning provisioning;
    private final Clock clock;
    private final CardCounters counters;
    private final CardsBySlug slugs;

    CardService(MongoTemplate mongo, ManagerService managers, ProductService products, Suitability suitability,
            CardProvisioning provisioning, Clock clock, CardCounters counters, CardsBySlug slugs) {
        this.counters = counters;
        this.slugs = slugs;
        this.mongo = mongo;
        this.managers = managers;
        this.products = products;
        this.suitability = suitability;
        this.provisioning = provisioning;
        this.clock = clock;
    }

    /** The card behind a slug as stored now (the public read), or null for an unknown or malformed slug alike. */
    BusinessCard bySlugFresh(String slug) {
        if (!CardSlugs.wellFormed(slug)) {
            return null;
        }
        counters.flush();
        return CardSlugs.wellFormed(slug)
                ? mongo.findOne(Query.query(Criteria.where("slug").is(slug)), BusinessCard.class) : null;
    }

    /** The signed-in RM's card, created if they have none yet. */
    @PreAuthorize("hasRole('RELATIONSHIP_MANAGER')")
    BusinessCard myCard() {
        String code = Viewers.require().managerCode();
        return code == null ? null : cardOf(code);
    }

    /** An RM's card by code (created on first use), or null when there is no such RM. */
    public BusinessCard cardOf(String managerCode) {
        counters.flush();
        BusinessCard card = mongo.findById(managerCode, BusinessCard.class);
        if (card != null) {
            return card;
        }
        RelationshipManager rm = managers.find(managerCode);
        return rm == null ? null : provisioning.create(rm);
    }

    @PreAuthorize("hasAnyRole('RELATIONSHIP_MANAGER','BRANCH_MANAGER')")
    CardInputs.UpdateBusinessCardPayload update(CardInputs.UpdateBusinessCardInput input) {
        StrataPrincipal viewer = Viewers.require();
        BusinessCard card = editable(viewer, input.managerCode());
        if (card == null) {
            return new CardInputs.UpdateBusinessCardPayload(null, List.of(UserError.notFound("card", "managerCode")));
        }
        List<UserError> errors = new ArrayList<>(CardValidation.check(input));
        List<String> featured = input.featuredProductCodes() == null ? null
                : new ArrayList<>(new LinkedHashSet<>(input.featuredProductCodes()));
        if (featured != null && errors.isEmpty()) {
            errors.addAll(checkProducts(featured));
        }
        if (!errors.isEmpty()) {
            return new CardInputs.UpdateBusinessCardPayload(card, errors);
        }
        Update update = new Update().set("updatedAt", clock.instant());
        setIfSent(update, "displayName", input.displayName());
        setIfSent(update, "title", input.title());
        setIfSent(update, "intro", input.intro());
        setIfSent(update, "photoUrl", input.photoUrl());
        setIfSent(update, "phone", input.phone());
        setIfSent(update, "qrUrl", input.qrUrl());
        if (featured != null) {
            update.set("featuredProductCodes", featured);
        }
        BusinessCard updated = mongo.findAndModify(Query.query(Criteria.where("_id").is(card.managerCode())), update,
                FindAndModifyOptions.options().returnNew(true), BusinessCard.class);
        slugs.forget(card.slug());
        return new CardInputs.UpdateBusinessCardPayload(updated, List.of());
    }

    /** The card the viewer may edit: an RM their own, a branch manager one of their branch's RMs'. */
    private BusinessCard editable(StrataPrincipal viewer, String managerCode) {
        if (viewer.has(Role.RELATIONSHIP_MANAGER) && viewer.managerCode() != null
                && (managerCode == null || managerCode.equals(viewer.managerCode()))) {
            return cardOf(viewer.managerCode());
        }
        if (viewer.has(Role.BRANCH_MANAGER) && viewer.branchCode() != null && managerCode != null) {
            RelationshipManager rm = managers.find(managerCode);
            return rm != null && viewer.branchCode().equals(rm.branchCode()) ? cardOf(managerCode) : null;
        }
        return null;
    }

    /** The card is public, so its visitors count as unassessed: only what suits C1 (R1 products) may be featured. */
    private List<UserError> checkProducts(List<String> codes) {
        if (codes.size() > MAX_FEATURED) {
            return List.of(UserError.tooMany(MAX_FEATURED, "featuredProductCodes"));
        }
        Map<String, Product> found = products.findAll(codes);
        var visitor = suitability.of(null, null);
        List<UserError> errors = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            Product product = found.get(codes.get(i));
            if (product == null) {
                errors.add(UserError.of("UNKNOWN_PRODUCT", "no such product", "featuredProductCodes", String.valueOf(i)));
            } else if (!visitor.allows(product.risk())) {
                errors.add(UserError.of("UNSUITABLE", "a public card may feature only products suitable for an"
                        + " unassessed visitor (R1)", "featuredProductCodes", String.valueOf(i)));
            }
        }
        return errors;
    }

    /** The featured products still suitable for an unassessed visitor, in the card's order. */
    public List<Product> featuredProducts(BusinessCard card) {
        Map<String, Product> found = products.findAll(card.featuredProductCodes());
        var visitor = suitability.of(null, null);
        return card.featuredProductCodes().stream().map(found::get)
                .filter(p -> p != null && visitor.allows(p.risk())).toList();
    }

    private static void setIfSent(Update update, String field, String value) {
        if (value != null) {
            update.set(field, value.isBlank() ? null : value.trim());
        }
    }
}
