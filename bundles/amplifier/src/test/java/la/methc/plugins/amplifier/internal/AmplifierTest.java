package la.methc.plugins.amplifier.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import la.methc.api.OscArgs;
import la.methc.plugins.testkit.BlockRunner;
import org.junit.jupiter.api.Test;

class AmplifierTest {

    private static final int BLOCK = 64;

    private static float[] signal(int frames) {
        Random random = new Random(5);
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = random.nextFloat() * 2 - 1;
        }
        return x;
    }

    private static BlockRunner runner(float[] in, float... controls) {
        return BlockRunner.of(new AmplifierSynthDef(), OscArgs.empty(), 48000, BLOCK, controls).audioInput(0, in);
    }

    @Test
    void uri() {
        assertEquals("http://methc.la/plugins/amplifier", new AmplifierSynthDef().uri());
    }

    @Test
    void defaultAmplitudeIsOne() {
        float[] in = signal(BLOCK * 4);
        assertArrayEquals(in, runner(in).run(4)[0]);
    }

    @Test
    void outputIsTheExactProduct() {
        float[] in = signal(BLOCK * 10);
        float[] out = runner(in, 0.3f).run(10)[0];
        for (int i = 0; i < in.length; i++) {
            assertEquals(in[i] * 0.3f, out[i], "frame " + i);
        }
    }

    @Test
    void aNewAmplitudeAppliesFromTheNextBlock() {
        float[] in = signal(BLOCK * 4);
        BlockRunner r = runner(in, 2f);
        float[] a = r.run(2)[0];
        r.control(0, -0.5f);
        float[] b = r.run(2)[0];
        for (int i = 0; i < 2 * BLOCK; i++) {
            assertEquals(in[i] * 2f, a[i]);
            assertEquals(in[2 * BLOCK + i] * -0.5f, b[i]);
        }
    }

    @Test
    void startOffset() {
        float[] in = signal(BLOCK);
        float[] out = runner(in, 4f).run(1, 40)[0];
        for (int i = 0; i < BLOCK; i++) {
            assertEquals(i < 40 ? 0f : in[i] * 4f, out[i], "frame " + i);
        }
    }
}
