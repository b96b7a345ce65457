package la.methc.bench;

import java.util.List;
import la.methc.bench.SynthDefFile.Builder;
import la.methc.bench.SynthDefFile.Def;
import la.methc.bench.SynthDefFile.Input;
import la.methc.bench.SynthDefFile.Rate;

/** The scsynth defs the side-by-side harness uses, built as sclang would compile them. */
final class SynthDefs {

    static final String SINE = "methcla_sine";
    static final String PLAY = "methcla_play";
    static final String RECORD = "methcla_record";

    /** BinaryOpUGen's special index for multiplication. */
    private static final int MUL = 2;

    private SynthDefs() {
    }

    /** {@code Out.ar(out, SinOsc.ar(freq, 0) * amp)}. */
    static Def sine() {
        Builder b = new Builder(SINE, "out", "0", "freq", "440", "amp", "0.1");
        Input osc = b.ugen("SinOsc", Rate.AUDIO, 0, 1, b.control("freq"), b.constant(0));
        Input out = b.ugen("BinaryOpUGen", Rate.AUDIO, MUL, 1, osc, b.control("amp"));
        b.ugen("Out", Rate.AUDIO, 0, 0, b.control("out"), out);
        return b.build();
    }

    /** {@code Out.ar(out, PlayBuf.ar(1, bufnum, rate, trigger: 1, startPos: 0, loop: 1))}: cubic interpolation. */
    static Def play() {
        Builder b = new Builder(PLAY, "bufnum", "0", "rate", "1", "out", "0");
        Input one = b.constant(1);
        Input zero = b.constant(0);
        Input play = b.ugen("PlayBuf", Rate.AUDIO, 0, 1, b.control("bufnum"), b.control("rate"), one, zero, one, zero);
        b.ugen("Out", Rate.AUDIO, 0, 0, b.control("out"), play);
        return b.build();
    }

    /**
     * {@code RecordBuf.ar(SinOsc.ar(freq) * amp, bufnum, offset: 0, recLevel: 1, preLevel: 0, run: 1, loop: 0,
     * trigger: 1, doneAction: 2)}: fills the buffer once, then frees itself.
     */
    static Def record() {
        Builder b = new Builder(RECORD, "bufnum", "0", "freq", "440", "amp", "0.5");
        Input zero = b.constant(0);
        Input one = b.constant(1);
        Input freeSelf = b.constant(2);
        Input osc = b.ugen("SinOsc", Rate.AUDIO, 0, 1, b.control("freq"), zero);
        Input in = b.ugen("BinaryOpUGen", Rate.AUDIO, MUL, 1, osc, b.control("amp"));
        b.ugen("RecordBuf", Rate.AUDIO, 0, 1, b.control("bufnum"), zero, one, zero, one, zero, one, freeSelf, in);
        return b.build();
    }

    /** Each def in a file of its own, for servers that read no variant count after a def (supernova 3.13). */
    static List<byte[]> files() {
        return List.of(SynthDefFile.write(List.of(sine())), SynthDefFile.write(List.of(play())),
                SynthDefFile.write(List.of(record())));
    }

    /** The file with all three, for {@code /d_recv}. */
    static byte[] file() {
        return SynthDefFile.write(List.of(sine(), play(), record()));
    }
}
