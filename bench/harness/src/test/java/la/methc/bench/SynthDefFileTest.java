package la.methc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SCgf version 2 layout, field by field (Reference/Synth-Definition-File-Format). */
class SynthDefFileTest {

    /** A cursor over big-endian fields. */
    private static final class Reader {
        final ByteBuffer b;

        Reader(byte[] bytes) {
            b = ByteBuffer.wrap(bytes);
        }

        String pstring() {
            byte[] s = new byte[b.get() & 0xff];
            b.get(s);
            return new String(s, StandardCharsets.US_ASCII);
        }

        String ascii(int n) {
            byte[] s = new byte[n];
            b.get(s);
            return new String(s, StandardCharsets.US_ASCII);
        }
    }

    @Test
    void sineDefFieldByField() {
        Reader r = new Reader(SynthDefFile.write(List.of(SynthDefs.sine())));
        // header: "SCgf", version 2, one def (int16)
        assertEquals("SCgf", r.ascii(4));
        assertEquals(2, r.b.getInt());
        assertEquals(1, r.b.getShort());
        assertEquals("methcla_sine", r.pstring());
        // constants: the SinOsc phase 0
        assertEquals(1, r.b.getInt());
        assertEquals(0f, r.b.getFloat());
        // initial parameter values: out 0, freq 440, amp 0.1
        assertEquals(3, r.b.getInt());
        assertEquals(0f, r.b.getFloat());
        assertEquals(440f, r.b.getFloat());
        assertEquals(0.1f, r.b.getFloat());
        // parameter names with their indices (int32)
        assertEquals(3, r.b.getInt());
        assertEquals("out", r.pstring());
        assertEquals(0, r.b.getInt());
        assertEquals("freq", r.pstring());
        assertEquals(1, r.b.getInt());
        assertEquals("amp", r.pstring());
        assertEquals(2, r.b.getInt());
        // four UGens
        assertEquals(4, r.b.getInt());
        // Control: control rate, no inputs, 3 control-rate outputs, special index 0 (the first parameter)
        ugen(r, "Control", 1, 0, 3, 0);
        assertEquals(1, r.b.get());
        assertEquals(1, r.b.get());
        assertEquals(1, r.b.get());
        // SinOsc.ar(freq: Control output 1, phase: constant 0)
        ugen(r, "SinOsc", 2, 2, 1, 0);
        input(r, 0, 1);
        input(r, -1, 0);
        assertEquals(2, r.b.get());
        // BinaryOpUGen, special index 2 (*): SinOsc * amp (Control output 2)
        ugen(r, "BinaryOpUGen", 2, 2, 1, 2);
        input(r, 1, 0);
        input(r, 0, 2);
        assertEquals(2, r.b.get());
        // Out.ar(out: Control output 0, the product), no outputs
        ugen(r, "Out", 2, 2, 0, 0);
        input(r, 0, 0);
        input(r, 2, 0);
        // no variants (int16), and nothing after
        assertEquals(0, r.b.getShort());
        assertFalse(r.b.hasRemaining());
    }

    @Test
    void playDefReadsItsBufferInALoop() {
        Reader r = new Reader(SynthDefFile.write(List.of(SynthDefs.play())));
        r.ascii(4);
        r.b.getInt();
        r.b.getShort();
        assertEquals("methcla_play", r.pstring());
        // constants 1 (trigger, loop) and 0 (startPos, doneAction)
        assertEquals(2, r.b.getInt());
        assertEquals(1f, r.b.getFloat());
        assertEquals(0f, r.b.getFloat());
        assertEquals(3, r.b.getInt());
        r.b.position(r.b.position() + 3 * 4);
        assertEquals(3, r.b.getInt());
        assertEquals("bufnum", r.pstring());
        assertEquals(0, r.b.getInt());
        assertEquals("rate", r.pstring());
        assertEquals(1, r.b.getInt());
        assertEquals("out", r.pstring());
        assertEquals(2, r.b.getInt());
        assertEquals(3, r.b.getInt());
        ugen(r, "Control", 1, 0, 3, 0);
        r.b.position(r.b.position() + 3);
        // PlayBuf.ar(1): bufnum, rate, trigger 1, startPos 0, loop 1, doneAction 0; one audio output
        ugen(r, "PlayBuf", 2, 6, 1, 0);
        input(r, 0, 0);
        input(r, 0, 1);
        input(r, -1, 0);
        input(r, -1, 1);
        input(r, -1, 0);
        input(r, -1, 1);
        assertEquals(2, r.b.get());
        ugen(r, "Out", 2, 2, 0, 0);
        input(r, 0, 2);
        input(r, 1, 0);
        assertEquals(0, r.b.getShort());
        assertFalse(r.b.hasRemaining());
    }

    @Test
    void recordDefPutsTheSignalAfterItsEightControls() {
        SynthDefFile.Def d = SynthDefs.record();
        SynthDefFile.UGen rec = d.ugens().get(3);
        assertEquals("RecordBuf", rec.name());
        assertEquals(9, rec.inputs().size());
        // bufnum, offset 0, recLevel 1, preLevel 0, run 1, loop 0, trigger 1, doneAction 2, then the signal
        assertEquals(new SynthDefFile.Input(0, 0), rec.inputs().get(0));
        float[] expected = {0, 1, 0, 1, 0, 1, 2};
        for (int k = 0; k < expected.length; k++) {
            SynthDefFile.Input in = rec.inputs().get(1 + k);
            assertEquals(-1, in.ugen());
            assertEquals(expected[k], d.constants().get(in.index()));
        }
        assertEquals(new SynthDefFile.Input(2, 0), rec.inputs().get(8));
    }

    @Test
    void fileHoldsAllThreeDefs() {
        ByteBuffer b = ByteBuffer.wrap(SynthDefs.file());
        b.position(8);
        assertEquals(3, b.getShort());
    }

    private static void ugen(Reader r, String name, int rate, int inputs, int outputs, int special) {
        assertEquals(name, r.pstring());
        assertEquals(rate, r.b.get());
        assertEquals(inputs, r.b.getInt());
        assertEquals(outputs, r.b.getInt());
        assertEquals(special, r.b.getShort());
    }

    private static void input(Reader r, int ugen, int index) {
        assertEquals(ugen, r.b.getInt());
        assertEquals(index, r.b.getInt());
    }
}
