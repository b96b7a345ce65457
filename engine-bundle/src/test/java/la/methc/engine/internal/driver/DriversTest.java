package la.methc.engine.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import org.junit.jupiter.api.Test;

class DriversTest {

    private static final DriverOptions OPTIONS = new DriverOptions(48000, 64, 2, 2);

    private static boolean lineOpens() {
        try {
            JavaSoundDriver.open(OPTIONS).close();
            return true;
        } catch (LineUnavailableException | IllegalArgumentException e) {
            return false;
        }
    }

    @Test
    void javasoundWithoutASoundCardFallsBackToARunningDummyDriver() throws Exception {
        boolean line = lineOpens();
        AudioDriver driver = Drivers.open("javasound", OPTIONS);
        try {
            if (!line) {
                assertInstanceOf(DummyDriver.class, driver);
            }
            assertEquals(line ? "javasound" : "dummy", driver.name());
            assertEquals(OPTIONS, driver.options());
            CountDownLatch blocks = new CountDownLatch(10);
            driver.start((in, out) -> blocks.countDown());
            assertTrue(blocks.await(5, TimeUnit.SECONDS));
        } finally {
            driver.close();
        }
        assertFalse(DummyDriverTest.rtThreadAlive());
    }

    @Test
    void javaSoundOpenThrowsWhenNoLineMatches() {
        if (AudioSystem.getMixerInfo().length == 0) {
            // toolchain-notes §6: no mixers, getSourceDataLine throws IllegalArgumentException
            Exception e = assertThrows(Exception.class, () -> JavaSoundDriver.open(OPTIONS));
            assertTrue(e instanceof IllegalArgumentException || e instanceof LineUnavailableException, e.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> JavaSoundDriver.open(new DriverOptions(48000, 64, 2, 0)));
    }

    @Test
    void namesOtherDrivers() {
        try (AudioDriver d = Drivers.open("dummy", OPTIONS)) {
            assertInstanceOf(DummyDriver.class, d);
        }
        assertThrows(IllegalArgumentException.class, () -> Drivers.open("offline", OPTIONS));
        assertThrows(IllegalArgumentException.class, () -> Drivers.open("asio", OPTIONS));
    }
}
