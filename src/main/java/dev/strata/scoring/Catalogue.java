package dev.strata.scoring;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.strata.product.Product;

/** The product catalogue as the scorecard sees it: which product types exist, to measure cross-sell headroom. */
record Catalogue(Map<String, String> typeOfCode, Set<String> types) {

    static Catalogue of(List<Product> products) {
        Map<String, String> typeOfCode = new HashMap<>();
        Set<String> types = new HashSet<>();
        for (Product product : products) {
            String type = product.type() == null ? product.code() : product.type();
            typeOfCode.put(product.code(), type);
            types.add(type);
        }
        return new Catalogue(typeOfCode, types);
    }

    int size() {
        return typeOfCode.size();
    }

    /** The share of the catalogue's product types the customer does not hold yet (0 with an empty catalogue). */
    double headroom(Collection<String> heldCodes) {
        if (types.isEmpty()) {
            return 0;
        }
        Set<String> held = new HashSet<>();
        for (String code : heldCodes) {
            String type = typeOfCode.get(code);
            if (type != null) {
                held.add(type);
            }
        }
        return 1 - (double) held.size() / types.size();
    }
}
