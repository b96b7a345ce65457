package la.methc.engine.internal.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * The dealing of a run's chunks in stripes: every chunk to exactly one part, stripe by stripe in turn, taken by its
 * own thread from the front and by others from the back, never twice, also when threads take at once. The stripes
 * and where each ends are read off the chunks each part takes, not from {@link ChunkRanges}' arithmetic.
 */
class ChunkRangesTest {

    private static final int S = ChunkRanges.STRIPE;

    @Test
    void eachChunkGoesToThePartWhoseTurnItsStripeIs() {
        for (int parts = 2; parts <= 8; parts++) {
            ChunkRanges ranges = new ChunkRanges(parts);
            for (int chunks = 0; chunks <= 5 * S * parts + 3; chunks++) {
                ranges.deal(chunks);
                int[] owner = new int[chunks];
                Arrays.fill(owner, -1);
                for (int p = 0; p < parts; p++) {
                    int last = -1;
                    int c;
                    while ((c = ranges.takeFront(p)) >= 0) {
                        String where = parts + " parts, " + chunks + " chunks, chunk " + c;
                        assertTrue(c < chunks, where);
                        assertTrue(c > last, where + ": the front goes up");
                        assertEquals(-1, owner[c], where + ": taken twice");
                        owner[c] = p;
                        last = c;
                    }
                }
                String run = parts + " parts, " + chunks + " chunks";
                // the stripes, read off the owners: stretches of one part's chunks, the parts in turn
                List<Integer> widths = new ArrayList<>();
                for (int c = 0; c < chunks; c++) {
                    assertTrue(owner[c] >= 0, run + ": chunk " + c + " never dealt");
                    boolean closes = c == chunks - 1 || owner[c + 1] != owner[c];
                    assertEquals(closes, ranges.closesStripe(c), run + ": does chunk " + c + " close its stripe?");
                    if (c == 0 || owner[c - 1] != owner[c]) {
                        assertEquals(widths.size() % parts, owner[c], run + ": stripe " + widths.size() + "'s part");
                        widths.add(0);
                    }
                    widths.set(widths.size() - 1, widths.get(widths.size() - 1) + 1);
                }
                for (int k = 0; k < widths.size() - 1; k++) {
                    assertEquals(widths.get(0), widths.get(k), run + ": stripes of one width but the last");
                }
                if (chunks >= S * parts) {
                    assertEquals(S, widths.get(0), run + ": full stripes");
                } else if (chunks > 0) {
                    // fewer chunks than a stripe a part: at most one stripe a part, none wider than needed for that
                    assertTrue(widths.size() <= parts, run + ": more than one stripe a part " + widths);
                    assertEquals((chunks + parts - 1) / parts, widths.get(0), run + ": " + widths);
                }
            }
        }
    }

    @Test
    void aShortRunIsCutInOneStripeAPart() {
        ChunkRanges ranges = new ChunkRanges(2);
        ranges.deal(13); // 100 synths in chunks of 8: else all 13 chunks were part 0's, one stripe of 32
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        int c;
        while ((c = ranges.takeFront(0)) >= 0) {
            first.add(c);
        }
        while ((c = ranges.takeFront(1)) >= 0) {
            second.add(c);
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), first);
        assertEquals(List.of(7, 8, 9, 10, 11, 12), second);
    }

    @Test
    void othersTakeFromTheBackUntilTheFrontMeetsThem() {
        ChunkRanges ranges = new ChunkRanges(2);
        int chunks = 3 * S + 5; // part 0: stripes 0 and 2; part 1: stripe 1 and the short last one
        ranges.deal(chunks);
        List<Integer> expected1 = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            if ((c / S) % 2 == 1) {
                expected1.add(c);
            }
        }
        List<Integer> taken = new ArrayList<>();
        taken.add(ranges.takeBack(1)); // the last chunk of part 1
        taken.add(ranges.takeFront(1)); // its first
        int c;
        while ((c = ranges.takeBack(1)) >= 0) {
            taken.add(c);
        }
        assertEquals(expected1.get(expected1.size() - 1), taken.get(0));
        assertEquals(expected1.get(0), taken.get(1));
        for (int i = 2; i < taken.size(); i++) {
            assertEquals(expected1.get(expected1.size() - i), taken.get(i), "the back goes down");
        }
        assertEquals(expected1.size(), taken.size());
        assertEquals(-1, ranges.takeFront(1));
        assertEquals(0, ranges.takeFront(0), "part 0 untouched");
    }

    @Test
    void threadsTakingAtOnceNeverTakeAChunkTwice() throws InterruptedException {
        int parts = 3;
        int chunks = 40 * S + 7;
        ChunkRanges ranges = new ChunkRanges(parts);
        for (int round = 0; round < 50; round++) {
            ranges.deal(chunks);
            AtomicIntegerArray takes = new AtomicIntegerArray(chunks);
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < parts; t++) {
                int part = t;
                Thread thread = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    // as ParallelSynths.work: its own part from the front, then the others' from their backs
                    for (int k = 0; k < parts; k++) {
                        int p = (part - k + parts) % parts;
                        int c;
                        while ((c = k == 0 ? ranges.takeFront(p) : ranges.takeBack(p)) >= 0) {
                            takes.incrementAndGet(c);
                        }
                    }
                });
                threads.add(thread);
                thread.start();
            }
            start.countDown();
            for (Thread thread : threads) {
                thread.join(10_000);
            }
            for (int c = 0; c < chunks; c++) {
                assertEquals(1, takes.get(c), "round " + round + ": chunk " + c);
            }
        }
    }
}
