package la.methc.plugins.patchcable.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import la.methc.api.OscArgs;
import la.methc.plugins.testkit.BlockRunner;
import org.junit.jupiter.api.Test;

class PatchCableTest {

    private static final int BLOCK = 64;

    private static float[] signal(int frames) {
        Random random = new Random(11);
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = random.nextFloat() * 2 - 1;
        }
        x[3] = Float.MIN_VALUE; // denormals and extremes pass untouched
        x[4] = -Float.MAX_VALUE;
        return x;
    }

    @Test
    void uri() {
        assertEquals("http://methc.la/plugins/patch-cable", new PatchCableSynthDef().uri());
    }

    @Test
    void copiesEveryFrameExactly() {
        float[] in = signal(BLOCK * 20);
        BlockRunner r = BlockRunner.of(new PatchCableSynthDef(), OscArgs.empty(), 48000, BLOCK).audioInput(0, in);
        assertArrayEquals(in, r.run(20)[0]);
    }

    @Test
    void copiesFromTheStartOffsetOn() {
        float[] in = signal(BLOCK * 3);
        BlockRunner r = BlockRunner.of(new PatchCableSynthDef(), OscArgs.empty(), 48000, BLOCK).audioInput(0, in);
        float[] out = r.run(3, 17)[0];
        float[] expected = in.clone();
        Arrays.fill(expected, 0, 17, 0f);
        assertArrayEquals(expected, out);
    }
}
