package la.methc.engine.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.PortDescriptor;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import la.methc.api.World;

/** Small SynthDefs whose output is easy to predict, for engine tests. */
final class TestSynths {

    static final String CONST = "test:const";
    static final String DONE = "test:done";
    static final String THROW = "test:throw";
    static final String SINE = "test:sine";

    /** Counts destroy calls across all test synths. */
    static final AtomicInteger DESTROYED = new AtomicInteger();

    private TestSynths() {
    }

    static SynthDefRegistry registry() {
        SynthDefRegistry r = new SynthDefRegistry();
        r.add(def(CONST, o -> new Const()));
        r.add(def(DONE, o -> new DoneAfter(o.intAt(0))));
        r.add(def(THROW, o -> new Throwing(o.intAt(0, 0))));
        r.add(def(SINE, o -> new Sine()));
        return r;
    }

    static SynthDef def(String uri, java.util.function.Function<OscArgs, Synth> make) {
        return new SynthDef() {
            @Override
            public String uri() {
                return uri;
            }

            @Override
            public Synth construct(Host host, OscArgs options) {
                return make.apply(options);
            }
        };
    }

    private abstract static class Base implements Synth {
        @Override
        public void destroy(Host host) {
            DESTROYED.incrementAndGet();
        }
    }

    /** out = in + control 0. */
    static final class Const extends Base {
        private float[] value;
        private float[] in;
        private float[] out;

        @Override
        public List<PortDescriptor> ports() {
            return List.of(PortDescriptor.controlInput("value", 1f), PortDescriptor.audioInput("in"),
                    PortDescriptor.audioOutput("out"));
        }

        @Override
        public void connect(int index, float[] data) {
            switch (index) {
                case 0 -> value = data;
                case 1 -> in = data;
                default -> out = data;
            }
        }

        @Override
        public void process(World world, int offset, int frames) {
            for (int i = offset; i < offset + frames; i++) {
                out[i] = in[i] + value[0];
            }
        }
    }

    /** Says it is done after option 0 blocks. */
    static final class DoneAfter extends Base {
        private int blocks;

        DoneAfter(int blocks) {
            if (blocks < 0) {
                throw new IllegalArgumentException("blocks must not be negative");
            }
            this.blocks = blocks;
        }

        @Override
        public List<PortDescriptor> ports() {
            return List.of();
        }

        @Override
        public void connect(int index, float[] data) {
        }

        @Override
        public void process(World world, int offset, int frames) {
            if (--blocks == 0) {
                world.synthDone(this);
            }
        }
    }

    /** Throws from process after option 0 blocks. */
    static final class Throwing extends Base {
        private int blocks;

        Throwing(int blocks) {
            this.blocks = blocks;
        }

        @Override
        public List<PortDescriptor> ports() {
            return List.of();
        }

        @Override
        public void connect(int index, float[] data) {
        }

        @Override
        public void process(World world, int offset, int frames) {
            if (blocks-- <= 0) {
                throw new IllegalStateException("boom");
            }
        }
    }

    /** freq, amp → out; allocation-free. */
    static final class Sine extends Base {
        private float[] freq;
        private float[] amp;
        private float[] out;
        private double phase;

        @Override
        public List<PortDescriptor> ports() {
            return List.of(PortDescriptor.controlInput("freq", 440f), PortDescriptor.controlInput("amp", 1f),
                    PortDescriptor.audioOutput("out"));
        }

        @Override
        public void connect(int index, float[] data) {
            switch (index) {
                case 0 -> freq = data;
                case 1 -> amp = data;
                default -> out = data;
            }
        }

        @Override
        public void process(World world, int offset, int frames) {
            double inc = 2 * Math.PI * freq[0] / world.sampleRate();
            for (int i = offset; i < offset + frames; i++) {
                out[i] = (float) (amp[0] * Math.sin(phase));
                phase += inc;
            }
            phase %= 2 * Math.PI;
        }
    }
}
