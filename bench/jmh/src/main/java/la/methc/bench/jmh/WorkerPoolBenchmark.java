package la.methc.bench.jmh;

import java.util.concurrent.TimeUnit;
import la.methc.api.HostCommand;
import la.methc.engine.internal.notify.WorkerPool;
import la.methc.plugins.testkit.TestHost;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The notifier → worker leg of a worker job (RT's leg is {@link EventChannelBenchmark}): the engine's
 * {@link WorkerPool} (a JCTools MPMC queue, plus the per-origin count a {@code /sync} waits on), with one worker
 * thread. One op: the notifier thread {@code submit}s a job that does nothing and waits until the worker has run
 * it, i.e. the hand-off's round trip while the worker is awake (it spins briefly between jobs, then parks). NRT on
 * both sides: {@code submit} allocates (the job record, the count) by design. Sampled (p50, p99, …): a round trip
 * that loses the CPU now and then has a long tail, which an average hides.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WorkerPoolBenchmark {

    private static final HostCommand NOTHING = host -> { };

    private WorkerPool pool;
    /** The next job's origin: its own number, as RT numbers the jobs it hands out. */
    private long origin;

    @Setup
    public void setUp() {
        pool = new WorkerPool(1, RequestQueueBenchmark.CAPACITY);
        pool.start(new TestHost(48000, 64));
    }

    @TearDown
    public void tearDown() {
        pool.close(1000);
    }

    /** Notifier thread: submit one job, then wait (spinning) until a worker has completed it. */
    @Benchmark
    public long submitAndComplete() {
        long done = pool.completed() + 1;
        if (!pool.submit(NOTHING, origin++)) {
            throw new IllegalStateException("worker queue full");
        }
        while (pool.completed() < done) {
            Thread.onSpinWait();
        }
        return done;
    }
}
