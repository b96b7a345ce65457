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

/**
 * Block processing per voice, the synth alone: one {@code Synth.process} of a 64-frame block at 48 kHz, for a
 * sine and for a looping play synth (1 channel, linear or cubic interpolation; {@code index} picks the voice's
 * controls: 0 plays at rate 1.001, 49 at 1.05, as {@link Voice} numbers them). On the engine's RT thread this is the
 * innermost step of every block, once per active synth; it must allocate nothing. What the engine adds around it
 * (tree walk, bus mixing, the block's bookkeeping) is in {@link EngineBlockBenchmark}.
 */
// as bin/methcla starts a server: the play kernels' vector forms (ADRs 0016, 0023)
@Fork(jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VoiceBlockBenchmark {

    @Param({"sine", "play", "play_cubic"})
    public String voice;

    /** The voice's number in a run of {@link Voice#controls}: its rate, for a play voice. */
    @Param({"0"})
    public int index;

    private SingleVoice synth;

    @Setup
    public void setUp() {
        synth = new SingleVoice(Voice.of(voice), index);
    }

    /** RT thread: one voice computes one block (the output stays in the synth's port array). */
    @Benchmark
    public void block() {
        synth.process();
    }
}
