package dev.strata.store;

import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Stored values compared field by field (in order) and element by element, their plain values as the caller says: the
 * store keeps a value it finds equal in the strict sense (same types), and counts a change as the stock update does
 * (numbers by value).
 */
final class SameShape {

    private SameShape() {
    }

    static boolean equal(Object a, Object b, BiPredicate<Object, Object> plainValues) {
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            var left = x.entrySet().iterator();
            var right = y.entrySet().iterator();
            while (left.hasNext()) {
                var l = left.next();
                var r = right.next();
                if (!l.getKey().equals(r.getKey()) || !equal(l.getValue(), r.getValue(), plainValues)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(x.get(i), y.get(i), plainValues)) {
                    return false;
                }
            }
            return true;
        }
        return plainValues.test(a, b);
    }
}
