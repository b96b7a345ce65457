package la.methc.engine.internal.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.PortDescriptor;
import la.methc.api.ResourceRef;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import la.methc.api.World;
import la.methc.engine.internal.SampleRoot;
import org.junit.jupiter.api.Test;

/**
 * A SynthDef's trial without a framework: hand-made defs that are healthy, write NaN, allocate in process, throw,
 * or want a resource port, and the lines the report gets for each.
 */
class SynthTrialTest {

    private static final String BUFFER_URI = PluginCheck.AUDIO_BUFFER_URI;
    private static final Host HOST = new CheckHost(48000, 64, new SampleRoot("."));

    /** Writes {@code value} to its one output; optionally allocates every block or throws from block 3 on. */
    private static class Probe implements Synth {
        private final float value;
        private final boolean allocates;
        private final boolean throwsLater;
        private float[] out;
        private long blocks;
        float[] garbage;

        Probe(float value, boolean allocates, boolean throwsLater) {
            this.value = value;
            this.allocates = allocates;
            this.throwsLater = throwsLater;
        }

        @Override
        public List<PortDescriptor> ports() {
            return List.of(PortDescriptor.audioInput("in"), PortDescriptor.audioOutput("out"));
        }

        @Override
        public void connect(int index, float[] data) {
            if (index == 1) {
                out = data;
            }
        }

        @Override
        public void process(World world, int offset, int frames) {
            if (throwsLater && blocks++ == 3) {
                throw new IllegalStateException("broke");
            }
            if (allocates) {
                garbage = new float[frames];
            }
            Arrays.fill(out, offset, offset + frames, value);
        }
    }

    private static SynthDef def(String name, java.util.function.Supplier<Synth> synth) {
        return new SynthDef() {
            @Override
            public String uri() {
                return "urn:test:" + name;
            }

            @Override
            public Synth construct(Host host, OscArgs options) {
                return synth.get();
            }
        };
    }

    private static List<String> trial(SynthDef def, Object buffer) throws InterruptedException {
        CheckReport report = new CheckReport();
        new SynthTrial(def, HOST, report, PluginCheck.BUFFER_ID, BUFFER_URI, buffer).run();
        return report.lines();
    }

    @Test
    void aHealthyDefIsOk() throws InterruptedException {
        List<String> lines = trial(def("healthy", () -> new Probe(0.5f, false, false)), null);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("ok    SynthDef urn:test:healthy: built with no options, 1 audio input\\(s\\) of"
                + " noise, 0 control\\(s\\) at their defaults; \\d+ blocks run, output finite; process allocated 0"
                + " bytes in the 750 blocks measured"), lines.get(0));
    }

    /** A process that writes only the first half of its block: the other half shows as not finite. */
    @Test
    void framesLeftUnwrittenAreAFinding() throws InterruptedException {
        List<String> half = trial(def("half", () -> new Probe(0.5f, false, false) {
            @Override
            public void process(World world, int offset, int frames) {
                super.process(world, offset, frames / 2);
            }
        }), null);
        assertEquals(1, half.size(), half.toString());
        assertTrue(half.get(0).startsWith("FAIL  SynthDef urn:test:half: output 'out' is not finite (NaN: computed so,"
                + " or a frame process left unwritten) in block 0, frame 32;"), half.get(0));
    }

    @Test
    void nanOutputAllocationAndExceptionsAreFindings() throws InterruptedException {
        assertEquals(List.of("FAIL  SynthDef urn:test:nan: output 'out' is not finite (NaN: computed so, or a frame"
                + " process left unwritten) in block 0, frame 0; "),
                trial(def("nan", () -> new Probe(Float.NaN, false, false)), null).stream()
                        .map(l -> l.replaceAll("\\d+ such values in all", "")).toList());
        List<String> inf = trial(def("inf", () -> new Probe(Float.POSITIVE_INFINITY, false, false)), null);
        assertTrue(inf.get(0).startsWith("FAIL  SynthDef urn:test:inf: output 'out' is not finite (Infinity)"),
                inf.toString());
        List<String> alloc = trial(def("alloc", () -> new Probe(0f, true, false)), null);
        assertEquals(1, alloc.size(), alloc.toString());
        assertTrue(alloc.get(0).startsWith("FAIL  SynthDef urn:test:alloc: process allocated "), alloc.get(0));
        long bytes = Long.parseLong(alloc.get(0).split(" ")[6]);
        assertTrue(bytes >= 750L * 64 * Float.BYTES, "a float[64] a block: " + bytes);
        List<String> thrown = trial(def("throws", () -> new Probe(0f, false, true)), null);
        assertEquals(1, thrown.size(), thrown.toString());
        assertTrue(thrown.get(0).startsWith("FAIL  SynthDef urn:test:throws: process threw"
                + " java.lang.IllegalStateException: broke (at "), thrown.get(0));
        assertTrue(thrown.get(0).endsWith(" in block 3"), thrown.get(0));
        assertEquals(List.of("FAIL  SynthDef urn:test:null: construct returned null"), trial(def("null", () -> null),
                null));
    }

    /** Holds a ResourceRef on its one resource port, bound by remap only. */
    private static final class Holder implements Synth {
        final ResourceRef<float[][]> ref = new ResourceRef<>(BUFFER_URI, float[][].class);
        private float[] out;
        private final boolean forgetsRelease;

        Holder(boolean forgetsRelease) {
            this.forgetsRelease = forgetsRelease;
        }

        @Override
        public List<PortDescriptor> ports() {
            return List.of(PortDescriptor.resourceInput("buffer"), PortDescriptor.audioOutput("out"));
        }

        @Override
        public void connect(int index, float[] data) {
            out = data;
        }

        @Override
        public boolean remap(World world, int port, int resourceId) {
            return ref.tryReplace(world, resourceId);
        }

        @Override
        public void detach(World world) {
            if (!forgetsRelease) {
                ref.close();
            }
        }

        @Override
        public void process(World world, int offset, int frames) {
            float[][] b = ref.get();
            Arrays.fill(out, offset, offset + frames, b == null ? 0f : b[0][0]);
        }
    }

    @Test
    void aResourcePortGetsTheBufferOrTheDefIsNotRun() throws InterruptedException {
        float[][] buffer = {{0.25f}};
        List<String> ok = trial(def("holder", () -> new Holder(false)), buffer);
        assertEquals(1, ok.size(), ok.toString());
        assertTrue(ok.get(0).startsWith("ok    SynthDef urn:test:holder: built with no options"), ok.get(0));
        List<String> leak = trial(def("leak", () -> new Holder(true)), buffer);
        assertEquals(List.of("FAIL  SynthDef urn:test:leak: detach left 1 hold(s) of its Resource unreleased"), leak);
        assertEquals(List.of("FAIL  SynthDef urn:test:holder: not run: resource port 0 'buffer' took no AudioBuffer"
                + " (remap refused it; the check offers AudioBuffers only)"),
                trial(def("holder", () -> new Holder(false)), new Object()));
        assertEquals(List.of("FAIL  SynthDef urn:test:holder: not run: resource port 0 'buffer', and no AudioBuffer"
                + " ResourceDef to give it one"), trial(def("holder", () -> new Holder(false)), null));
    }

    @Test
    void missingPackagesReadAsTheirNameAndRange() {
        assertEquals("package com.example.missing [1.2.0,2.0.0)", Requirements.packageText(
                "(&(osgi.wiring.package=com.example.missing)(version>=1.2.0)(!(version>=2.0.0)))"));
        assertEquals("package com.example.gone of any version",
                Requirements.packageText("(osgi.wiring.package=com.example.gone)"));
        assertEquals("package a.b version 1.0.0 or later",
                Requirements.packageText("(&(osgi.wiring.package=a.b)(version>=1.0.0))"));
    }
}
