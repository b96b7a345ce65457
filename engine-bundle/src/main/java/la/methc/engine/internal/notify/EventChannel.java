package la.methc.engine.internal.notify;

import org.jctools.queues.SpscArrayQueue;

/**
 * RT → notifier hand-off of pooled {@link RtEvent}s: two SPSC queues, one carrying filled events to the
 * notifier and one returning them empty to RT.
 */
public final class EventChannel {

    private final SpscArrayQueue<RtEvent> free;
    private final SpscArrayQueue<RtEvent> full;
    private long lost;

    public EventChannel(int capacity) {
        free = new SpscArrayQueue<>(capacity);
        full = new SpscArrayQueue<>(capacity);
        for (int i = 0; i < capacity; i++) {
            free.offer(new RtEvent());
        }
    }

    /** RT. An empty event, or null when the notifier is that far behind (counted in {@link #lost()}). */
    public RtEvent obtain(RtEvent.Kind kind) {
        RtEvent e = free.relaxedPoll();
        if (e == null) {
            lost++;
            return null;
        }
        e.kind = kind;
        return e;
    }

    /** RT. Queues a filled event; the pool and the queue have the same capacity, so this cannot fail. */
    public void publish(RtEvent e) {
        full.offer(e);
    }

    /** Notifier thread. */
    RtEvent poll() {
        return full.relaxedPoll();
    }

    /** Notifier thread. */
    void recycle(RtEvent e) {
        e.clear();
        free.offer(e);
    }

    /** Events RT could not send because the pool was empty. Read by RT for {@code /status}. */
    public long lost() {
        return lost;
    }
}
