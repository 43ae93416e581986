package dev.strata.rule;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.strata.branch.BranchService;
import dev.strata.manager.ManagerService;
import dev.strata.product.ProductService;
import org.springframework.stereotype.Component;

/**
 * Which branch, manager and product codes exist, for validating rules. Codes are never deleted, so a code found once
 * is remembered and a rule naming only known codes is validated without a store round trip; unknown ones are looked
 * up each time (another instance may just have created them).
 */
@Component
class KnownCodes {

    private final Kind branches;
    private final Kind managers;
    private final Kind products;

    KnownCodes(BranchService branches, ManagerService managers, ProductService products) {
        this.branches = new Kind(codes -> branches.findAll(codes).keySet());
        this.managers = new Kind(codes -> managers.findAll(codes).keySet());
        this.products = new Kind(codes -> products.findAll(codes).keySet());
    }

    Set<String> branches(Collection<String> codes) {
        return branches.existing(codes);
    }

    Set<String> managers(Collection<String> codes) {
        return managers.existing(codes);
    }

    Set<String> products(Collection<String> codes) {
        return products.existing(codes);
    }

    /** One kind of code: those found so far, and how to look up the rest in the store. */
    private static final class Kind {

        private final Set<String> found = ConcurrentHashMap.newKeySet();
        private final Function<Collection<String>, Set<String>> lookUp;

        Kind(Function<Collection<String>, Set<String>> lookUp) {
            this.lookUp = lookUp;
        }

        /** Those of {@code codes} that exist. */
        Set<String> existing(Collection<String> codes) {
            Set<String> existing = new HashSet<>();
            Set<String> unknown = new HashSet<>();
            for (String code : codes) {
                (found.contains(code) ? existing : unknown).add(code);
            }
            if (!unknown.isEmpty()) {
                Set<String> looked = lookUp.apply(unknown);
                found.addAll(looked);
                existing.addAll(looked);
            }
            return existing;
        }
    }
}
