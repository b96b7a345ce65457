package la.methc.engine.internal.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicLong;
import javax.sound.sampled.LineUnavailableException;
import org.junit.jupiter.api.Test;

class JavaSoundDriverTest {

    @Test
    void convertsFloatsToClippedLittleEndianPcm16() {
        float[][] channels = {{0f, 1f, -1f, 2f, -3f, 0.5f, Float.NaN}, {0.25f, -0.25f, 1e-6f, -1e-6f, 0f, 0f, 0f}};
        byte[] pcm = new byte[7 * 2 * 2];
        JavaSoundDriver.toPcm16(channels, pcm);
        ByteBuffer b = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
        short[] left = new short[7];
        short[] right = new short[7];
        for (int f = 0; f < 7; f++) {
            left[f] = b.getShort();
            right[f] = b.getShort();
        }
        assertArrayEquals(new short[] {0, 32767, -32767, 32767, -32767, 16384, 0}, left);
        assertArrayEquals(new short[] {8192, -8192, 0, 0, 0, 0, 0}, right);
    }

    @Test
    void convertsPcm16ToFloats() {
        ByteBuffer b = ByteBuffer.allocate(3 * 2 * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 16384).putShort((short) -32768).putShort((short) 1).putShort((short) 32767)
                .putShort((short) 0).putShort((short) -1);
        float[][] channels = new float[2][3];
        JavaSoundDriver.fromPcm16(b.array(), channels);
        assertArrayEquals(new float[] {0.5f, 1 / 32768f, 0f}, channels[0]);
        assertArrayEquals(new float[] {-1f, 32767 / 32768f, -1 / 32768f}, channels[1]);
    }

    /**
     * Needs a real (or JACK dummy) line: /work/shared/docs/headless-javasound.sh. Skipped where no line opens,
     * as on the build machine.
     */
    @Test
    void runsOnARealLine() throws Exception {
        DriverOptions options = new DriverOptions(48000, 64, 0, 2);
        JavaSoundDriver driver;
        try {
            driver = JavaSoundDriver.open(options);
        } catch (LineUnavailableException | IllegalArgumentException e) {
            assumeTrue(false, "no audio line: " + e.getMessage());
            return;
        }
        AtomicLong blocks = new AtomicLong();
        double[] phase = new double[1];
        long t0 = System.nanoTime();
        try {
            assertEquals("javasound", driver.name());
            driver.start((in, out) -> {
                for (int i = 0; i < out[0].length; i++) {
                    out[0][i] = out[1][i] = (float) (0.1 * Math.sin(phase[0]));
                    phase[0] += 2 * Math.PI * 440 / 48000;
                }
                blocks.incrementAndGet();
            });
            Thread.sleep(1000);
        } finally {
            driver.close();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double audio = blocks.get() * 64 / 48000.0;
        System.out.printf("javasound: %.3f s of audio in %.3f s (buffer %d frames)%n", audio, seconds,
                driver.bufferFrames());
        assertTrue(blocks.get() > 0);
        assertFalse(driver.isRunning());
        assertFalse(DummyDriverTest.rtThreadAlive());
    }
}
