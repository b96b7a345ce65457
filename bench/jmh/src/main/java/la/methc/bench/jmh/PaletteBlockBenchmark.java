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
 * Block processing per voice for the palette, the synth alone, as {@link VoiceBlockBenchmark} measures the sine
 * and the play synth: one {@code Synth.process} of a 64-frame block at 48 kHz for each {@link PaletteVoice}
 * (the oscillator in each shape, the filter in each mode, the delay on a bound 1 s line, the reverb, the pan,
 * the envelope). RT work: it must allocate nothing ({@code -prof gc}: gc.alloc.rate.norm ≈ 0 B/op).
 */
// as bin/methcla starts a server: the play kernels' vector forms (ADRs 0016, 0023)
@Fork(jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PaletteBlockBenchmark {

    @Param({"osc_sine", "osc_saw", "osc_square", "osc_triangle", "filter_lowpass", "filter_highpass",
        "filter_bandpass", "delay", "reverb", "pan", "envelope"})
    public String voice;

    private PaletteRunner synth;

    @Setup
    public void setUp() {
        synth = new PaletteRunner(PaletteVoice.of(voice));
    }

    /** RT thread: one voice computes one block (the output stays in the synth's port arrays). */
    @Benchmark
    public void block() {
        synth.process();
    }
}
