package la.methc.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * A render writes the same file with the Vector API module (bin/methcla's default, ADR 0020) as without it
 * ({@code METHCLA_VECTOR=off}): the cubic and linear play kernels' vectors turn on in the middle of the render (ADR
 * 0016's warm-up gate, ADR 0023) and give the same bits as the scalar kernels before them.
 */
public class VectorRenderIT {

    private static final Path DIST = Path.of(System.getProperty("methcla.dist.dir", "target/dist"));
    private static final Path WORK = Path.of("target/vector-render-it").toAbsolutePath();

    @Test
    public void aRenderIsTheSameFileWithTheVectorKernel() throws Exception {
        Files.createDirectories(WORK);
        Path score = WORK.resolve("voices.osc");
        // long enough for the warm-up (about 0.3 s on a quiet 2-core machine) to end well before the render does
        VoiceScore.write(score, 50, 240, VoiceScore.CUBIC, VoiceScore.LINEAR);
        String scalar = render(score, "scalar.wav", "off");
        assertTrue(scalar, scalar.contains("methcla rendered"));
        assertFalse(scalar, scalar.contains("jdk.incubator.vector"));
        String vector = render(score, "vector.wav", "");
        // a kernel the warm-up refused for its output is the failure this test is for, not a reason to skip it
        assertFalse(vector, vector.contains("gave other output"));
        int on = vector.indexOf("cubic kernel: vector");
        int linear = vector.indexOf("linear kernel: vector");
        int done = vector.indexOf("methcla rendered");
        assumeTrue("the vector kernels are not for this VM or CPU:\n" + vector,
                !vector.contains("cubic kernel: scalar") && !vector.contains("linear kernel: scalar"));
        assumeTrue("a vector kernel came on only after the render (a loaded machine):\n" + vector,
                on >= 0 && on < done && linear >= 0 && linear < done);
        assertEquals("the renders differ", -1L, Files.mismatch(WORK.resolve("scalar.wav"),
                WORK.resolve("vector.wav")));
    }

    /** {@code vectorSetting}: METHCLA_VECTOR for bin/methcla ("off": no Vector API module, "": its default). */
    private static String render(Path score, String wav, String vectorSetting) throws Exception {
        Path log = WORK.resolve(wav + ".log");
        ProcessBuilder pb = new ProcessBuilder(List.of("bash", "bin/methcla", "render", score.toString(),
                WORK.resolve(wav).toString(), "--max-nodes", "128")).directory(DIST.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("METHCLA_RENDER_CACHE", "off");
        pb.environment().put("TMPDIR", WORK.toString());
        pb.environment().remove("JAVA_OPTS");
        pb.environment().put("METHCLA_VECTOR", vectorSetting);
        Process p = pb.start();
        assertTrue("render did not finish", p.waitFor(120, TimeUnit.SECONDS));
        String out = Files.readString(log);
        assertEquals(out, 0, p.exitValue());
        return out;
    }
}
