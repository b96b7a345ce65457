package la.methc.engine.internal.osc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The outgoing queue of one TCP connection, on a clock the test turns. */
@Timeout(10)
class SendQueueTest {

    private static final long STALL = 100;
    private final long[] now = {0};

    private SendQueue queue(long maxBytes) {
        return new SendQueue(maxBytes, 100 * maxBytes, STALL, () -> now[0]);
    }

    @Test
    void framesCountUntilWrittenAndTheBoundRefusesMoreForAPeerThatStalled() throws Exception {
        SendQueue q = queue(10);
        byte[] a = new byte[6];
        byte[] b = new byte[4];
        assertTrue(q.offer(a));
        assertTrue(q.offer(b), "exactly the bound fits");
        now[0] += STALL + 1;
        assertFalse(q.offer(new byte[1]), "one byte more does not, once nothing was written for the stall time");
        assertEquals(10, q.bytes());
        assertArrayEquals(a, q.take());
        assertFalse(q.offer(new byte[1]), "a frame taken counts until it is written");
        q.written(a);
        assertEquals(4, q.bytes());
        assertTrue(q.offer(new byte[6]));
    }

    @Test
    void aPeerThatReadsGetsMoreThanTheBoundUpToTheHardBound() throws Exception {
        SendQueue q = queue(10);
        assertTrue(q.offer(new byte[10]));
        now[0] += STALL; // not yet a stall
        assertTrue(q.offer(new byte[500]), "the writer made progress lately: the peer reads");
        q.written(q.take());
        now[0] += STALL;
        assertTrue(q.offer(new byte[499]), "up to the hard bound");
        assertEquals(999, q.bytes());
        assertFalse(q.offer(new byte[2]), "past the hard bound, even for a peer that reads");
    }

    @Test
    void theReaderWaitsWhileTooMuchWaits() throws Exception {
        SendQueue q = queue(10);
        byte[] a = new byte[8];
        q.offer(a);
        q.offer(new byte[4]);
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try {
                q.awaitAtMost(4);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        assertFalse(reader.isDone(), "12 bytes wait, more than 4");
        q.written(q.take());
        reader.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aFrameLargerThanTheBoundGoesWhenNothingWaits() throws Exception {
        SendQueue q = queue(10);
        byte[] big = new byte[100];
        assertTrue(q.offer(big));
        now[0] += STALL + 1;
        assertFalse(q.offer(new byte[1]));
        q.written(q.take());
        assertEquals(0, q.bytes());
        assertTrue(q.offer(new byte[1]));
    }

    @Test
    void takeWaitsForAFrameAndCloseWakesIt() throws Exception {
        SendQueue q = queue(10);
        CompletableFuture<byte[]> taken = CompletableFuture.supplyAsync(() -> {
            try {
                return q.take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        byte[] f = {7};
        q.offer(f);
        assertArrayEquals(f, taken.get(5, TimeUnit.SECONDS));

        CompletableFuture<byte[]> closed = CompletableFuture.supplyAsync(() -> {
            try {
                return q.take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        q.close();
        assertNull(closed.get(5, TimeUnit.SECONDS));
        assertFalse(q.offer(new byte[1]), "closed");
    }

    @Test
    void awaitWrittenWaitsForTheWriterOrTimesOut() throws Exception {
        SendQueue q = queue(10);
        assertTrue(q.awaitWritten(0), "nothing waits");
        q.offer(new byte[3]);
        assertFalse(q.awaitWritten(20));
        Thread writer = new Thread(() -> {
            try {
                q.written(q.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        writer.start();
        assertTrue(q.awaitWritten(5000));
        writer.join(5000);
    }
}
