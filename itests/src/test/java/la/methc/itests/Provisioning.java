package la.methc.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ops4j.pax.exam.Option;

/** The Felix set-up of the Pax Exam tests: every real bundle, logging first, engine options as properties. */
final class Provisioning {

    private Provisioning() {
    }

    /** Options for a framework whose engine reads {@code methcla.*} from {@code engineOptions}. */
    static Option[] felix(Map<String, String> engineOptions) {
        Path dir = Path.of(System.getProperty("methcla.bundles.dir", "target/bundles"));
        List<Option> options = new ArrayList<>();
        options.add(junitBundles());
        options.add(workingDirectory("target/paxexam"));
        options.add(cleanCaches(!Boolean.getBoolean("methcla.keep")));
        options.add(systemProperty("org.slf4j.simpleLogger.defaultLogLevel").value("info"));
        options.add(systemProperty("org.slf4j.simpleLogger.log.org.ops4j").value("warn"));
        engineOptions.forEach((k, v) -> options.add(systemProperty("methcla." + k).value(v)));
        try (Stream<Path> jars = Files.list(dir)) {
            jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> {
                String name = p.getFileName().toString();
                // SPI Fly and ASM must be active before slf4j-api loads (weaving), and slf4j-simple started
                // before the first getLogger(); Pax Exam's own bundles log from level 2 on, so these go to 1;
                // the engine last (5), once the plugins (4) are active: Pax Exam starts a level's bundles in no
                // order the engine's wait for plugins can rely on (a render once started before the sine was bound)
                int level = name.startsWith("asm") || name.contains("spifly") || name.startsWith("slf4j") ? 1
                        : name.startsWith("engine-bundle") ? 5 : 4;
                options.add(bundle(p.toUri().toString()).startLevel(level));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return options.toArray(new Option[0]);
    }

    /** A port that was free a moment ago, for UDP and TCP alike. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
