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

/**
 * Felix with the real bundles and the engine on the offline driver: a score records 0.5 s of a sine into an
 * AudioBuffer and plays it back at half speed ({@link SamplerScore}); the WAV file is checked sample by sample.
 * The buffer is allocated in the first block and used in the second, which holds only because the offline
 * driver waits for the construct on the worker before each block.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SamplerRenderIT {

    private static final Path DIR = Path.of("target/sampler-render-it").toAbsolutePath();

    @Configuration
    public Option[] config() throws IOException {
        Files.createDirectories(DIR);
        Files.deleteIfExists(DIR.resolve("out.wav"));
        SamplerScore.write(DIR.resolve("sampler.osc"));
        return Provisioning.felix(Map.of("driver", "offline", "render.score", DIR.resolve("sampler.osc").toString(),
                "render.out", DIR.resolve("out.wav").toString()));
    }

    @Test
    public void aRecordedSineIsPlayedBackAtHalfSpeedSampleBySample() throws Exception {
        SamplerScore.check(Wav.await(DIR.resolve("out.wav"), 20_000));
    }
}
