package la.methc.bench.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;
import la.methc.engine.internal.command.Command;
import la.methc.engine.internal.command.SetParameter;
import org.jctools.queues.MpscArrayQueue;
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
 * The network → RT hand-off of decoded commands: the engine's request queue, a JCTools {@link MpscArrayQueue} of
 * {@link Command}s of capacity {@value #CAPACITY} ({@code Engine.QUEUE_CAPACITY}), which network threads fill with
 * {@code offer} ({@code Engine.submit}) and the RT thread drains with {@code relaxedPoll} at the start of each
 * block. The same class and capacity carry the workers' replies to RT. The command handed over is built once:
 * building it is the network thread's cost, measured in {@link NodeSetDispatchBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RequestQueueBenchmark {

    /** As {@code Engine.QUEUE_CAPACITY} (private there). */
    static final int CAPACITY = 16384;

    /** One queue and the command it carries. */
    public abstract static class Requests {
        final MpscArrayQueue<Command> queue = new MpscArrayQueue<>(CAPACITY);
        final Command command = new SetParameter(null, BenchEngine.FIRST_VOICE, List.of(0, 440f));
    }

    /** Owned by one thread. */
    @State(Scope.Thread)
    public static class OwnRequests extends Requests {
    }

    /** Shared by the two threads of a group. */
    @State(Scope.Group)
    public static class SharedRequests extends Requests {
    }

    /** One thread: a network thread's {@code offer}, then RT's {@code relaxedPoll} of it (an uncontended pair). */
    @Benchmark
    public Command offerThenPoll(OwnRequests r) {
        r.queue.offer(r.command);
        return r.queue.relaxedPoll();
    }

    /** Network thread of the pair: one {@code offer}, retried while the queue is full. */
    @Benchmark
    @Group("handOff")
    @GroupThreads(1)
    public void offer(SharedRequests r, Control control) {
        while (!r.queue.offer(r.command) && !control.stopMeasurement) {
            Thread.onSpinWait();
        }
    }

    /** RT thread of the pair: one {@code relaxedPoll} that returns a command, retried while the queue is empty. */
    @Benchmark
    @Group("handOff")
    @GroupThreads(1)
    public Command poll(SharedRequests r, Control control) {
        Command c;
        while ((c = r.queue.relaxedPoll()) == null && !control.stopMeasurement) {
            Thread.onSpinWait();
        }
        return c;
    }
}
