package la.methc.bench.jmh;

import java.util.concurrent.TimeUnit;
import la.methc.engine.internal.notify.EventChannel;
import la.methc.engine.internal.notify.NotifierSide;
import la.methc.engine.internal.notify.RtEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Control;

/**
 * The RT → notifier hand-off: the engine's {@link EventChannel}, two JCTools SPSC queues of pooled
 * {@link RtEvent}s. RT takes an empty event ({@code obtain}), fills it and {@code publish}es it, for a
 * notification ({@code /node/ended}, {@code /resource/ready}, …) or a job for the workers (every worker job RT
 * hands out goes this way); the notifier thread {@code poll}s it, handles it and {@code recycle}s it. RT's side
 * must allocate nothing. The channel has the engine's smallest capacity, 4,096 events.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EventChannelBenchmark {

    /** As the engine's: {@code max(4096, 4 * maxNodes)} with the default 1,024 nodes. */
    static final int CAPACITY = 4096;

    /** One channel. */
    public abstract static class Channel {
        final EventChannel channel = new EventChannel(CAPACITY);
    }

    /** Owned by one thread. */
    @State(Scope.Thread)
    public static class OwnChannel extends Channel {
    }

    /** Shared by the two threads of a group. */
    @State(Scope.Group)
    public static class SharedChannel extends Channel {
    }

    /** One thread: RT's obtain + publish of a {@code /node/ended}, then the notifier's poll + recycle of it. */
    @Benchmark
    public RtEvent publishThenRecycle(OwnChannel c) {
        RtEvent e = c.channel.obtain(RtEvent.Kind.NODE_ENDED);
        e.id = BenchEngine.FIRST_VOICE;
        c.channel.publish(e);
        RtEvent got = NotifierSide.poll(c.channel);
        NotifierSide.recycle(c.channel, got);
        return got;
    }

    /** RT thread of the pair: obtain (retried while the notifier holds every event), fill, publish. */
    @Benchmark
    @Group("handOff")
    @GroupThreads(1)
    public void publish(SharedChannel c, Control control) {
        RtEvent e;
        while ((e = c.channel.obtain(RtEvent.Kind.NODE_ENDED)) == null && !control.stopMeasurement) {
            Thread.onSpinWait();
        }
        if (e != null) {
            e.id = BenchEngine.FIRST_VOICE;
            c.channel.publish(e);
        }
    }

    /** Notifier thread of the pair: poll (retried while the channel is empty), recycle. */
    @Benchmark
    @Group("handOff")
    @GroupThreads(1)
    public RtEvent recycle(SharedChannel c, Control control) {
        RtEvent e;
        while ((e = NotifierSide.poll(c.channel)) == null && !control.stopMeasurement) {
            Thread.onSpinWait();
        }
        if (e != null) {
            NotifierSide.recycle(c.channel, e);
        }
        return e;
    }
}
