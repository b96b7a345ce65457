package la.methc.plugins.sampler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import la.methc.api.OscArgList;
import la.methc.api.PortDescriptor;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import org.junit.jupiter.api.Test;

/** URIs, port layouts (the /node/set parameter order) and the refusal of bad options. */
class SynthDefTest {

    private static final FakeHost HOST = new FakeHost(48000, 64);

    private static Synth construct(SynthDef def, Object... options) {
        // OscArgs.of refuses nulls; the decoder's list holds nil arguments as nulls
        return def.construct(HOST, new OscArgList(Arrays.asList(options)));
    }

    private static String refusal(SynthDef def, Object... options) {
        return assertThrows(IllegalArgumentException.class, () -> construct(def, options)).getMessage();
    }

    @Test
    void uris() {
        assertEquals("http://methc.la/plugins/play", new PlaySynthDef().uri());
        assertEquals("http://methc.la/plugins/record", new RecordSynthDef().uri());
    }

    @Test
    void playPortsPutTheBufferFirst() {
        List<PortDescriptor> ports = construct(new PlaySynthDef(), 1).ports();
        assertEquals(List.of(
                PortDescriptor.resourceInput("buffer"),
                PortDescriptor.controlInput("rate", 1f),
                PortDescriptor.controlInput("loop", 0f),
                PortDescriptor.controlInput("start", 0f),
                PortDescriptor.audioOutput("out0")), ports);
        assertEquals(7, construct(new PlaySynthDef(), 1, 3).ports().size());
        assertEquals(PortDescriptor.audioOutput("out2"), construct(new PlaySynthDef(), 1, 3, 2).ports().get(6));
    }

    @Test
    void recordPortsPutTheBufferFirst() {
        List<PortDescriptor> ports = construct(new RecordSynthDef(), 1, 2).ports();
        assertEquals(List.of(
                PortDescriptor.resourceOutput("buffer"),
                PortDescriptor.controlInput("loop", 0f),
                PortDescriptor.controlInput("start", 0f),
                PortDescriptor.audioInput("in0"),
                PortDescriptor.audioInput("in1")), ports);
    }

    @Test
    void playRefusesBadOptions() {
        SynthDef d = new PlaySynthDef();
        assertEquals("play: buffer (option 0) must be a resource id >= 0, got -1", refusal(d, -1));
        assertEquals("play: buffer (option 0) must be an int (i), got float 1.0", refusal(d, 1f));
        assertEquals("play: buffer (option 0) must be an int (i), got string one", refusal(d, "one"));
        assertEquals("play: buffer (option 0) must be an int (i), got nil", refusal(d, (Object) null));
        assertEquals("play: channels (option 1) must be 1 to 64, got 0", refusal(d, 1, 0));
        assertEquals("play: channels (option 1) must be 1 to 64, got 65", refusal(d, 1, 65));
        assertEquals("play: channels (option 1) must be an int (i), got float 2.0", refusal(d, 1, 2f));
        assertEquals("play: interpolation (option 2) must be 0 (none), 1 (linear) or 2 (cubic), got 3",
                refusal(d, 1, 1, 3));
        assertEquals("play: interpolation (option 2) must be 0 (none), 1 (linear) or 2 (cubic), got -1",
                refusal(d, 1, 1, -1));
        assertEquals("play: takes at most 3 options (i:buffer [i:channels [i:interpolation]]), got 4",
                refusal(d, 1, 1, 1, 0));
    }

    @Test
    void recordRefusesBadOptions() {
        SynthDef d = new RecordSynthDef();
        assertEquals("record: buffer (option 0) must be a resource id >= 0, got -5", refusal(d, -5));
        assertEquals("record: channels (option 1) must be 1 to 64, got 0", refusal(d, 1, 0));
        assertEquals("record: takes at most 2 options (i:buffer [i:channels]), got 3", refusal(d, 1, 1, 1));
    }

    @Test
    void aLongOptionThatFitsIsAnInt() {
        assertEquals(5, construct(new PlaySynthDef(), 1L, 1L, 2L).ports().size());
    }
}
