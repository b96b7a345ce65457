package la.methc.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The whole engine's block with N voices: {@code Engine.process}, the method the driver's RT thread calls once per
 * 64-frame block (48 kHz: every 1.33 ms), with {@code voices} sines or looping play synths in a group, each mixed
 * into a hardware output. One op is one block; per voice is the score divided by {@code voices} (at N = 1 it is
 * mostly the block's fixed cost). {@code threads}: the render threads an offline render spreads the voices over,
 * the calling one included (ADR 0006). Must allocate nothing.
 */
// as bin/methcla starts a server: the play kernels' vector forms (ADRs 0016, 0023)
@Fork(jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EngineBlockBenchmark {

    @Param({"1", "100", "1000"})
    public int voices;

    @Param({"sine", "play", "play_cubic"})
    public String voice;

    @Param({"1", "2"})
    public int threads;

    /** render.minRun: the shortest run spread over the threads (the engine's default 384). */
    @Param({"384"})
    public int minRun;

    private BenchEngine engine;

    @Setup
    public void setUp() {
        engine = BenchEngine.withVoices(Voice.of(voice), voices, threads, minRun);
        SingleVoice.awaitKernels();
    }

    @TearDown
    public void tearDown() {
        engine.close();
    }

    /** RT thread: one block of the whole engine (requests, tree, buses, hardware outputs, load meter). */
    @Benchmark
    public void block() {
        engine.block();
    }
}
