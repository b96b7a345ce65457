package la.methc.api.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

class RotationsTest {

    /**
     * Every entry against {@code Math.cos} and {@code Math.sin} of the exact angle: {@code k · (inc mod 1)} reduced
     * mod 1 in decimal arithmetic first, so that the reference does not carry a rounding of its own into large angles;
     * increments of 1 and more, and negative ones, as a caller may pass them.
     */
    @Test
    void entriesAreTheRotationsOfEachStep() {
        for (int n : new int[] {1, 2, 3, 4, 5, 8, 64, 1000}) {
            Rotations r = new Rotations(n);
            for (double inc : new double[] {0, 440.0 / 48000, 0.25, 0.4999, 0.7, 1e-6, 20000.0 / 44100, 1, -0.3,
                    1e10 + 0.125}) {
                r.prepare(inc);
                for (int k = 0; k <= n; k++) {
                    // inc mod 1 as a double, the increment the samples follow
                    BigDecimal fraction = new BigDecimal(inc - Math.floor(inc));
                    double turns = fraction.multiply(BigDecimal.valueOf(k), MathContext.DECIMAL128)
                            .remainder(BigDecimal.ONE).doubleValue();
                    // within a few units in the last place per step
                    double tolerance = 1e-15 + k * 4e-16;
                    String at = "n " + n + ", inc " + inc + ", k " + k;
                    assertEquals(Math.cos(2 * Math.PI * turns), r.cos()[k], tolerance, at);
                    assertEquals(Math.sin(2 * Math.PI * turns), r.sin()[k], tolerance, at);
                }
            }
        }
    }

    /** The whole block's rotation, which carries a phase from block to block, is the trig functions' own. */
    @Test
    void theLastEntryIsTheWholeBlocksRotationFromTheTrigFunctions() {
        Rotations r = new Rotations(64);
        double inc = 440.0 / 48000;
        r.prepare(inc);
        double whole = inc * 64 - Math.floor(inc * 64);
        assertEquals(Math.cos(2 * Math.PI * whole), r.cos()[64], 0);
        assertEquals(Math.sin(2 * Math.PI * whole), r.sin()[64], 0);
    }

    @Test
    void theTablesAreMadeAgainOnlyWhenTheIncrementChanges() {
        Rotations r = new Rotations(16);
        double[] c = r.cos();
        r.prepare(0.01);
        c[5] = 42; // a mark that only a remade table loses
        r.prepare(0.01);
        assertEquals(42, c[5], 0);
        r.prepare(0.02);
        assertEquals(Math.cos(2 * Math.PI * 0.1), c[5], 1e-14);
        assertSame(c, r.cos());
    }

    @Test
    void refusesABlockSizeBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new Rotations(0));
    }
}
