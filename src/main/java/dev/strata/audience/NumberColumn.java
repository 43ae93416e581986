package dev.strata.audience;

import java.util.Arrays;

import org.roaringbitmap.BitSetUtil;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

/**
 * One measure's values by seq, updatable in place (a customer's AUM changes daily, which a RangeBitmap or a
 * bit-sliced index would have to rebuild or re-slice for): chunks of 65,536 seqs, each as narrow as its values allow
 * (short, int, then long), plus a bitmap of who has a value. Ranges are branch-free scans into bit words.
 */
final class NumberColumn {

    private static final int CHUNK_BITS = 16;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;
    /** Below this share of the seqs, a range iterates {@code within} instead of scanning every chunk. */
    private static final int SPARSE_RATIO = 32;

    /** Each a short[], int[] or long[] of CHUNK values, or null while no seq in it ever had a value. */
    private Object[] chunks = new Object[16];
    private final RoaringBitmap present = new RoaringBitmap();

    void set(int seq, long value) {
        int chunk = seq >>> CHUNK_BITS;
        if (chunk >= chunks.length) {
            chunks = Arrays.copyOf(chunks, Math.max(chunk + 1, chunks.length * 2));
        }
        Object values = widenFor(chunks[chunk], value);
        chunks[chunk] = values;
        int i = seq & MASK;
        if (values instanceof short[] narrow) {
            narrow[i] = (short) value;
        } else if (values instanceof int[] middle) {
            middle[i] = (int) value;
        } else {
            ((long[]) values)[i] = value;
        }
        present.add(seq);
    }

    void clear(int seq) {
        present.remove(seq);
    }

    /** The value of a seq that has one (see {@link #present()}). */
    long get(int seq) {
        Object values = chunks[seq >>> CHUNK_BITS];
        int i = seq & MASK;
        if (values instanceof short[] narrow) {
            return narrow[i];
        }
        return values instanceof int[] middle ? middle[i] : ((long[]) values)[i];
    }

    /** Who has a value: the stored bitmap. */
    RoaringBitmap present() {
        return present;
    }

    /** Seqs in {@code within} (null: everyone with a value) whose value is in [lo, hi], both inclusive. */
    RoaringBitmap between(long lo, long hi, RoaringBitmap within) {
        if (lo > hi || present.isEmpty()) {
            return new RoaringBitmap();
        }
        if (within != null && (long) within.getCardinality() * SPARSE_RATIO < present.last()) {
            RoaringBitmapWriter<RoaringBitmap> writer = RoaringBitmapWriter.writer().get();
            within.forEach((int seq) -> {
                if (present.contains(seq)) {
                    long value = get(seq);
                    if (value >= lo && value <= hi) {
                        writer.add(seq);
                    }
                }
            });
            return writer.get();
        }
        long[] words = new long[chunks.length << (CHUNK_BITS - 6)];
        for (int chunk = 0; chunk < chunks.length; chunk++) {
            Object values = chunks[chunk];
            int base = chunk << (CHUNK_BITS - 6);
            if (values instanceof short[] narrow) {
                scan(narrow, Math.max(lo, Short.MIN_VALUE), Math.min(hi, Short.MAX_VALUE), words, base);
            } else if (values instanceof int[] middle) {
                scan(middle, Math.max(lo, Integer.MIN_VALUE), Math.min(hi, Integer.MAX_VALUE), words, base);
            } else if (values instanceof long[] wide) {
                scan(wide, lo, hi, words, base);
            }
        }
        RoaringBitmap found = BitSetUtil.bitmapOf(words);
        found.and(present);
        if (within != null) {
            found.and(within);
        }
        return found;
    }

    /** The exact sum of the values of seqs in {@code within} (null: everyone) that have one. */
    long sum(RoaringBitmap within) {
        RoaringBitmap seqs = within == null ? present : RoaringBitmap.and(present, within);
        long[] total = new long[1];
        seqs.forEach((int seq) -> total[0] = Math.addExact(total[0], get(seq)));
        return total[0];
    }

    /** Sets bit i of the chunk's words where lo <= value <= hi; lo and hi are within the chunk type's range. */
    private static void scan(short[] values, long lo, long hi, long[] words, int base) {
        if (lo > hi) {
            return;
        }
        long span = hi - lo;
        for (int w = 0; w < CHUNK / 64; w++) {
            long word = 0;
            int offset = w << 6;
            for (int bit = 0; bit < 64; bit++) {
                long d = values[offset + bit] - lo;
                word |= (~(d | (span - d)) >>> 63) << bit;
            }
            words[base + w] = word;
        }
    }

    private static void scan(int[] values, long lo, long hi, long[] words, int base) {
        if (lo > hi) {
            return;
        }
        long span = hi - lo;
        for (int w = 0; w < CHUNK / 64; w++) {
            long word = 0;
            int offset = w << 6;
            for (int bit = 0; bit < 64; bit++) {
                long d = values[offset + bit] - lo;
                word |= (~(d | (span - d)) >>> 63) << bit;
            }
            words[base + w] = word;
        }
    }

    private static void scan(long[] values, long lo, long hi, long[] words, int base) {
        long span = hi - lo;
        for (int w = 0; w < CHUNK / 64; w++) {
            long word = 0;
            int offset = w << 6;
            for (int bit = 0; bit < 64; bit++) {
                long d = values[offset + bit] - lo;
                // the borrow of span - d (unsigned) is 1 exactly when d > span, i.e. the value is out of range
                long borrow = ((~span & d) | (~(span ^ d) & (span - d))) >>> 63;
                word |= (borrow ^ 1) << bit;
            }
            words[base + w] = word;
        }
    }

    /** The chunk, widened (or created) so that {@code value} fits. */
    private static Object widenFor(Object values, long value) {
        boolean fitsShort = value >= Short.MIN_VALUE && value <= Short.MAX_VALUE;
        boolean fitsInt = value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
        if (values == null) {
            return fitsShort ? new short[CHUNK] : fitsInt ? new int[CHUNK] : new long[CHUNK];
        }
        if (values instanceof short[] narrow && !fitsShort) {
            if (fitsInt) {
                int[] wider = new int[CHUNK];
                for (int i = 0; i < CHUNK; i++) {
                    wider[i] = narrow[i];
                }
                return wider;
            }
            long[] widest = new long[CHUNK];
            for (int i = 0; i < CHUNK; i++) {
                widest[i] = narrow[i];
            }
            return widest;
        }
        if (values instanceof int[] middle && !fitsInt) {
            long[] widest = new long[CHUNK];
            for (int i = 0; i < CHUNK; i++) {
                widest[i] = middle[i];
            }
            return widest;
        }
        return values;
    }
}
