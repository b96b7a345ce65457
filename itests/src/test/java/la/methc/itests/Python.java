package la.methc.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** The ITs' Python: {@code python3} on the PATH ({@code scripts/headless-audio.sh install} installs it). */
final class Python {

    private Python() {
    }

    /** The command that runs Python 3, once it has answered {@code --version}. */
    static String python3() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
        assertTrue("python3 --version did not answer", p.waitFor(20, TimeUnit.SECONDS));
        assertEquals("no python3 on the PATH: run scripts/headless-audio.sh install", 0, p.exitValue());
        return "python3";
    }
}
