package dev.strata.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Shapes the answer of a {@code @BatchMapping}: a map from source to value, leaving out sources that have none. */
public final class Batches {

    private Batches() {
    }

    public static <K, V> Map<K, V> byKey(List<K> sources, Function<K, V> value) {
        Map<K, V> result = new LinkedHashMap<>();
        for (K source : sources) {
            V v = value.apply(source);
            if (v != null) {
                result.put(source, v);
            }
        }
        return result;
    }
}
