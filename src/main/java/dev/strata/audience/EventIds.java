package dev.strata.audience;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The 64-bit hashes of one day's counted event IDs, so a replayed or caught-up event counts once: a few sorted runs
 * merged like a binary counter, 8 bytes an event with no hash-table slack (a million customers' events fit).
 */
final class EventIds {

    private final List<long[]> runs = new ArrayList<>();

    static long hash(String eventId) {
        long h = 0xcbf29ce484222325L ^ eventId.length();
        for (int i = 0; i < eventId.length(); i++) {
            h = (h ^ eventId.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    boolean contains(long hash) {
        for (long[] run : runs) {
            if (Arrays.binarySearch(run, hash) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Adds hashes known to be new: sorted, distinct, none contained already. */
    void addAll(long[] fresh) {
        if (fresh.length == 0) {
            return;
        }
        runs.add(fresh);
        int n;
        while ((n = runs.size()) >= 2 && runs.get(n - 2).length <= 2 * runs.get(n - 1).length) {
            long[] merged = merge(runs.get(n - 2), runs.get(n - 1));
            runs.remove(n - 1);
            runs.set(n - 2, merged);
        }
    }

    int size() {
        return runs.stream().mapToInt(run -> run.length).sum();
    }

    private static long[] merge(long[] a, long[] b) {
        long[] out = new long[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
        }
        System.arraycopy(a, i, out, k, a.length - i);
        System.arraycopy(b, j, out, k + a.length - i, b.length - j);
        return out;
    }
}
