package la.methc.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs a documentation page's shell commands as a reader would: with bash ({@code -euo pipefail}) in a folder of
 * the test's, the JDK running the tests first on the PATH (the reader's {@code java}), and a render's framework cache
 * under the test's own folder instead of the user's.
 */
final class PageCommands {

    private PageCommands() {
    }

    /**
     * Runs {@code script} in {@code dir}, its output (standard error too) going to {@code out}; fails unless it ends
     * with status 0 within 180 s. Returns what it printed.
     *
     * @param cacheHome the {@code XDG_CACHE_HOME} of the renders it starts
     */
    static String run(String what, String script, Path dir, Path out, Path cacheHome) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
                + pb.environment().get("PATH"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("XDG_CACHE_HOME", cacheHome.toString());
        Process run = pb.start();
        assertTrue(what + " did not finish", run.waitFor(180, TimeUnit.SECONDS));
        String log = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(script + "\n" + log, 0, run.exitValue());
        return log;
    }
}
