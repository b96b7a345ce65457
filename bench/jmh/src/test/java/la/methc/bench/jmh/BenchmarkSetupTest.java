package la.methc.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.util.List;
import la.methc.osc.OscCodec;
import la.methc.engine.internal.tree.SynthNode;
import la.methc.plugins.testkit.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The benchmarks measure real work: their setups make sound, their packets are what they claim to be. */
class BenchmarkSetupTest {

    @ParameterizedTest
    @EnumSource(Voice.class)
    void aSingleVoiceMakesSound(Voice voice) {
        SingleVoice v = new SingleVoice(voice);
        float[] out = v.render(100);
        // NaN (a frame the synth skipped) fails too
        assertTrue(Signals.rms(out) > 0, voice + " is silent: rms " + Signals.rms(out));
        assertEquals(440, Signals.frequency(out, SingleVoice.SAMPLE_RATE), 5, voice + " plays the wrong thing");
    }

    @ParameterizedTest
    @EnumSource(Voice.class)
    void theEngineRunsEveryVoiceIntoBothOutputs(Voice voice) {
        try (BenchEngine e = BenchEngine.withVoices(voice, 100)) {
            for (int b = 0; b < 10; b++) {
                e.block();
            }
            assertEquals(100, e.engine().tree().numSynths());
            assertTrue(Signals.peak(e.output(0)) > 0.01, "left output silent");
            assertTrue(Signals.peak(e.output(1)) > 0.01, "right output silent");
            assertEquals(List.of(), e.client().errors());
        }
    }

    @Test
    void theDispatchedNodeSetReachesTheSynthsControl() {
        try (BenchEngine e = BenchEngine.withVoices(Voice.SINE, 1)) {
            SynthNode synth = (SynthNode) e.engine().tree().get(BenchEngine.FIRST_VOICE);
            e.dispatcher().onPacket(OscPackets.nodeSet(BenchEngine.FIRST_VOICE, 1000f), e.client());
            e.block();
            assertEquals(1000f, synth.control(0));
            e.dispatcher().onPacket(OscPackets.nodeSet(), e.client());
            e.block();
            assertEquals(OscPackets.nodeSet().getArguments().get(2), synth.control(0));
            assertEquals(List.of(), e.client().errors(), "the benchmark would measure the error path");
        }
    }

    @Test
    void thePacketsDecodeToWhatWasEncoded() throws Exception {
        for (OSCMessage m : List.of(OscPackets.nodeSet(), OscPackets.synthNew(), OscPackets.nodeEnded(7),
                OscPackets.statusReply(100, 0.25f))) {
            assertMessageEquals(m, decode(m));
        }
        OSCBundle bundle = OscPackets.bundle();
        OSCBundle back = (OSCBundle) decode(bundle);
        assertEquals(bundle.getTimestamp(), back.getTimestamp());
        assertEquals(OscPackets.BUNDLE_SIZE, back.getPackets().size());
        for (int i = 0; i < OscPackets.BUNDLE_SIZE; i++) {
            assertMessageEquals((OSCMessage) bundle.getPackets().get(i), (OSCMessage) back.getPackets().get(i));
        }
    }

    private static OSCPacket decode(OSCPacket p) throws Exception {
        byte[] bytes = OscPackets.bytes(p);
        return OscCodec.decode(bytes, 0, bytes.length);
    }

    private static void assertMessageEquals(OSCMessage expected, OSCPacket actual) {
        OSCMessage m = (OSCMessage) actual;
        assertEquals(expected.getAddress(), m.getAddress());
        assertEquals(expected.getArguments(), m.getArguments());
    }
}
