package la.methc.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Felix with the real bundles and the engine on the offline driver: a score of sines rendered to WAV. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RenderIT {

    private static final Path DIR = Path.of("target/render-it").toAbsolutePath();

    @Configuration
    public Option[] config() throws IOException {
        Files.createDirectories(DIR);
        Files.deleteIfExists(DIR.resolve("out.wav"));
        SineScore.write(DIR.resolve("sines.osc"));
        return Provisioning.felix(Map.of("driver", "offline", "render.score", DIR.resolve("sines.osc").toString(),
                "render.out", DIR.resolve("out.wav").toString()));
    }

    @Test
    public void sinesRenderAtTheirFrequencyLevelAndStartFrame() throws Exception {
        SineScore.check(Wav.await(DIR.resolve("out.wav"), 20_000));
    }
}
