package la.methc.engine.internal.notify;

/**
 * The notifier's end of an {@link EventChannel} (package-private in the engine), for the benchmarks, which run on
 * the plain class path where this package may be split across jars. Calls exactly what {@link Notifier} calls.
 */
public final class NotifierSide {

    private NotifierSide() {
    }

    /** Notifier thread: the next event RT published, or null. */
    public static RtEvent poll(EventChannel channel) {
        return channel.poll();
    }

    /** Notifier thread: gives a handled event back to RT's pool. */
    public static void recycle(EventChannel channel, RtEvent event) {
        channel.recycle(event);
    }
}
