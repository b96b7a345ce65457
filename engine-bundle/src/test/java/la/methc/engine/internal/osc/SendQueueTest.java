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

/** The bounded outgoing queue of one TCP connection. */
@Timeout(10)
class SendQueueTest {

    @Test
    void framesCountUntilWrittenAndTheBoundRefusesMore() throws Exception {
        SendQueue q = new SendQueue(10);
        byte[] a = new byte[6];
        byte[] b = new byte[4];
        assertTrue(q.offer(a));
        assertTrue(q.offer(b), "exactly the bound fits");
        assertFalse(q.offer(new byte[1]), "one byte more does not");
        assertEquals(10, q.bytes());
        assertArrayEquals(a, q.take());
        assertFalse(q.offer(new byte[1]), "a frame taken counts until it is written");
        q.written(a);
        assertEquals(4, q.bytes());
        assertTrue(q.offer(new byte[6]));
    }

    @Test
    void aFrameLargerThanTheBoundGoesWhenNothingWaits() throws Exception {
        SendQueue q = new SendQueue(10);
        byte[] big = new byte[100];
        assertTrue(q.offer(big));
        assertFalse(q.offer(new byte[1]));
        q.written(q.take());
        assertEquals(0, q.bytes());
        assertTrue(q.offer(new byte[1]));
    }

    @Test
    void takeWaitsForAFrameAndCloseWakesIt() throws Exception {
        SendQueue q = new SendQueue(10);
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
        SendQueue q = new SendQueue(10);
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
