package dev.strata.audience;

/**
 * Which value id (0 for none) each seq holds for one single-valued attribute, so an update knows which bitmap to
 * take the seq out of: two bytes a seq in chunks grown as seqs arrive, widened to four past 65,535 values.
 */
final class ValueColumn {

    private static final int CHUNK_BITS = 14;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;

    private char[][] narrow = new char[8][];
    /** Replaces {@code narrow} once an id no longer fits in a char. */
    private int[][] wide;

    int get(int seq) {
        int chunk = seq >>> CHUNK_BITS;
        if (wide != null) {
            return chunk < wide.length && wide[chunk] != null ? wide[chunk][seq & MASK] : 0;
        }
        return chunk < narrow.length && narrow[chunk] != null ? narrow[chunk][seq & MASK] : 0;
    }

    void set(int seq, int id) {
        if (seq < 0 || id < 0) {
            throw new IllegalArgumentException("seq and id must not be negative: " + seq + ", " + id);
        }
        int chunk = seq >>> CHUNK_BITS;
        if (id > Character.MAX_VALUE && wide == null) {
            widen();
        }
        if (wide != null) {
            if (chunk >= wide.length) {
                wide = java.util.Arrays.copyOf(wide, Math.max(chunk + 1, wide.length * 2));
            }
            if (wide[chunk] == null) {
                if (id == 0) {
                    return;
                }
                wide[chunk] = new int[CHUNK];
            }
            wide[chunk][seq & MASK] = id;
            return;
        }
        if (chunk >= narrow.length) {
            narrow = java.util.Arrays.copyOf(narrow, Math.max(chunk + 1, narrow.length * 2));
        }
        if (narrow[chunk] == null) {
            if (id == 0) {
                return;
            }
            narrow[chunk] = new char[CHUNK];
        }
        narrow[chunk][seq & MASK] = (char) id;
    }

    private void widen() {
        wide = new int[narrow.length][];
        for (int chunk = 0; chunk < narrow.length; chunk++) {
            if (narrow[chunk] != null) {
                wide[chunk] = new int[CHUNK];
                for (int i = 0; i < CHUNK; i++) {
                    wide[chunk][i] = narrow[chunk][i];
                }
            }
        }
        narrow = null;
    }
}
