package la.methc.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/**
 * The demo piece of {@code docs/examples/} made as its README says: {@code Demo.java} is copied into a folder of its
 * own and the README's shell block is run there by bash, with {@code D} set to the built distribution: the JDK's
 * single-file launcher writes the score with the client jars, {@code bin/methcla render} renders it (sample root:
 * the distribution's {@code samples/}, with {@code pluck.wav}). The render must succeed without an {@code /error}
 * or a warning,
 * last the score's 16 s (rounded up to the next block), sound in both channels (over its first and its last
 * notes), and keep every sample finite and within ±1.5.
 */
public class DemoScoreIT {

    private static final Path WORK = Path.of("target/demo-score-it").toAbsolutePath();
    private static final Path EXAMPLES = Path.of("../docs/examples").toAbsolutePath().normalize();
    private static final String DIST_LINE = "D=../../distribution/target/methcla";
    private static final int RATE = 48000;
    private static final int BLOCK = 64;
    private static final double SECONDS = 16.0;

    @Test
    public void theDemoRendersSixteenSecondsOfStereoWithoutErrors() throws Exception {
        List<String> command = new ArrayList<>();
        for (String l : shellBlock()) {
            if (!l.startsWith("#")) {
                command.add(l);
            }
        }
        assertTrue(command.toString(), command.get(command.size() - 1).endsWith("render demo.osc demo.wav"));
        Path dir = WORK.resolve("program");
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("demo.wav"));
        Files.copy(EXAMPLES.resolve("Demo.java"), dir.resolve("Demo.java"), StandardCopyOption.REPLACE_EXISTING);
        String script = String.join("\n", command).replace(DIST_LINE, "D='" + Launcher.DIST.toAbsolutePath() + "'")
                + "\n";

        // the JDK running the tests is the reader's java; the render's framework cache stays under target/
        String log = PageCommands.run("the demo", script, dir, WORK.resolve("demo.out"), WORK.resolve("cache"));
        assertTrue(log, log.contains("wrote demo.osc: 16.0 s"));
        assertTrue(log, log.contains("methcla rendered "));
        assertFalse("no /error, no /resource/error:\n" + log, log.contains("/error"));
        // e.g. "bundles are timed earlier than a bundle before them": the score must be in time order
        assertFalse("no warning:\n" + log, log.contains(" WARN "));

        float[][] audio = Wav.read(dir.resolve("demo.wav"));
        assertEquals(2, audio.length);
        long lastFrame = Math.round(SECONDS * RATE);
        assertEquals((lastFrame / BLOCK + 1) * BLOCK, audio[0].length);
        for (int c = 0; c < 2; c++) {
            for (int f = 0; f < audio[c].length; f++) {
                float x = audio[c][f];
                assertTrue("channel " + c + " frame " + f + ": " + x, Float.isFinite(x) && Math.abs(x) <= 1.5f);
            }
            // the first notes and the last ones (13–14 s)
            assertTrue("channel " + c + " silent at the start", Signals.peak(audio[c], 0, RATE) > 0.05f);
            assertTrue("channel " + c + " silent at the end", Signals.peak(audio[c], 13 * RATE, 14 * RATE) > 0.05f);
        }
    }

    /** The lines of the README's shell block: the one whose first line sets {@code D}. */
    private static List<String> shellBlock() throws Exception {
        List<String> lines = Files.readAllLines(EXAMPLES.resolve("README.md"), StandardCharsets.UTF_8);
        for (int k = 0; k + 1 < lines.size(); k++) {
            if (lines.get(k).equals("```sh") && lines.get(k + 1).equals(DIST_LINE)) {
                int end = lines.subList(k + 1, lines.size()).indexOf("```");
                assertTrue("unclosed block in docs/examples/README.md", end >= 0);
                return lines.subList(k + 1, k + 1 + end);
            }
        }
        throw new AssertionError("no ```sh block starting " + DIST_LINE + " in docs/examples/README.md");
    }
}
