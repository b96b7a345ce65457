package la.methc.engine.internal.notify;

import java.util.concurrent.atomic.AtomicLong;
import org.jctools.queues.SpscArrayQueue;

/**
 * RT → notifier hand-off of pooled {@link RtEvent}s: two SPSC queues, one carrying filled events to the
 * notifier and one returning them empty to RT. RT admits work only when the pool can hold every event that work
 * may produce (ADR 0012), so {@link #obtain} finds the pool empty only when a plugin produced more than its
 * share; {@link #lost()} counts those events, and the notifier logs them.
 */
public final class EventChannel {

    /** Events RT has not used yet (or not lately): a stack only RT touches. */
    private final RtEvent[] spare;
    private int spareCount;
    /** Events the notifier gave back, which RT takes first: a small, warm working set instead of the whole pool. */
    private final SpscArrayQueue<RtEvent> free;
    private final SpscArrayQueue<RtEvent> full;
    private final int capacity;
    /** Written by RT only (a release store, no fence on the RT path); read by the notifier and tests. */
    private final AtomicLong lost = new AtomicLong();
    /** Best-effort events (warnings) RT did not send, to keep the reserve whole. RT writes. */
    private final AtomicLong spared = new AtomicLong();

    public EventChannel(int capacity) {
        this.capacity = capacity;
        spare = new RtEvent[capacity];
        for (int i = 0; i < capacity; i++) {
            spare[i] = new RtEvent();
        }
        spareCount = capacity;
        // initialise the enum here, on NRT: else RT's first event would (its constants and their names, allocated)
        RtEvent.Kind.values();
        free = new SpscArrayQueue<>(capacity);
        full = new SpscArrayQueue<>(capacity);
    }

    /** Any thread. How many events the pool holds in all. */
    public int capacity() {
        return capacity;
    }

    /** RT. Events free now; more may come back meanwhile, never fewer (RT is the only one that takes). */
    public int available() {
        return spareCount + free.size();
    }

    /** RT. An empty event, or null when the pool is empty (counted in {@link #lost()}). */
    public RtEvent obtain(RtEvent.Kind kind) {
        RtEvent e = free.relaxedPoll();
        if (e == null) {
            if (spareCount == 0) {
                lost.lazySet(lost.get() + 1); // single writer: RT
                return null;
            }
            e = spare[--spareCount];
            spare[spareCount] = null;
        }
        e.kind = kind;
        return e;
    }

    /**
     * RT. An event for best-effort news (a warning for the log): null, counted in {@link #spared()}, when taking it
     * would leave fewer than {@code reserve} free, which admitted work may still need.
     */
    public RtEvent obtainSpare(RtEvent.Kind kind, int reserve) {
        if (available() <= reserve) {
            spared.lazySet(spared.get() + 1); // single writer: RT
            return null;
        }
        return obtain(kind);
    }

    /** RT. Queues a filled event; the pool and the queue have the same capacity, so this cannot fail. */
    public void publish(RtEvent e) {
        full.offer(e);
    }

    /** Notifier thread (and tests standing in for it): the next filled event, or null. */
    public RtEvent poll() {
        return full.relaxedPoll();
    }

    /** Notifier thread. */
    void recycle(RtEvent e) {
        e.clear();
        free.offer(e);
    }

    /** Any thread. Events RT could not send because the pool was empty: replies or notifications lost. */
    public long lost() {
        return lost.get();
    }

    /** Any thread. Warnings RT did not send for the log, to keep the reserve for replies. */
    public long spared() {
        return spared.get();
    }
}
