package la.methc.plugins.sampler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FusedMultiplyAddTest {

    @Test
    void theProbeAnswersWhatTheVmUses() {
        boolean useFma = Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("UseFMA").getValue());
        assertEquals(useFma, FusedMultiplyAdd.available());
        assertEquals(useFma, FusedMultiplyAdd.available(), "asked once, the same answer after");
    }

    @Test
    void bothKernelsComputeTheSamePolynomial() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 100_000; i++) {
            float xm1 = (float) random.nextDouble(-1, 1);
            float x0 = (float) random.nextDouble(-1, 1);
            float x1 = (float) random.nextDouble(-1, 1);
            float x2 = (float) random.nextDouble(-1, 1);
            float f = (float) random.nextDouble();
            float plain = Interpolation.hermitePlain(xm1, x0, x1, x2, f);
            // a few float roundings fewer: within a few units in the last place of the operands' scale
            assertEquals(plain, Interpolation.hermiteFused(xm1, x0, x1, x2, f), 1e-6f, "at " + f);
            assertEquals(x0, Interpolation.hermitePlain(xm1, x0, x1, x2, 0f), "plain at a frame");
            assertEquals(x0, Interpolation.hermiteFused(xm1, x0, x1, x2, 0f), "fused at a frame");
        }
    }

    @Test
    void theKernelUsesTheFusedFormWhereTheVmHasIt() {
        float fused = Interpolation.hermiteFused(0.1f, -0.7f, 0.3f, 0.9f, 0.37f);
        float plain = Interpolation.hermitePlain(0.1f, -0.7f, 0.3f, 0.9f, 0.37f);
        assertNotEquals(fused, plain, "inputs where the two round differently");
        assertEquals(FusedMultiplyAdd.available() ? fused : plain, Interpolation.hermite(0.1f, -0.7f, 0.3f, 0.9f, 0.37f));
    }
}
