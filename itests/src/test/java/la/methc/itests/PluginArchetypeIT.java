package la.methc.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * A third party's first plugin, as docs/writing-a-plugin.md walks it: a project generated from the plugin
 * archetype by {@code mvn archetype:generate}, built by {@code mvn verify} (its unit tests on the test kit run),
 * its bundle dropped into a running distribution's {@code plugins/} and a synth of it played and recorded.
 *
 * <p>The nested Maven runs with its own local repository, {@code target/kit-repo}, where the build staged the kit
 * (invoker:install); every other artifact comes from this build's local repository, which the settings written
 * here mirror in place of every remote one, and Maven runs offline but for that {@code file:} mirror. So it needs no
 * earlier {@code mvn install} and no network, whether the outer build runs offline or not.
 */
public class PluginArchetypeIT {

    private static final Path WORK = Path.of("target/plugin-archetype-it").toAbsolutePath();
    private static final String URI = "http://example.org/plugins/tone-plugin";

    @Test
    public void aGeneratedPluginBuildsHotDeploysAndPlays() throws Exception {
        deleteTree(WORK);
        Files.createDirectories(WORK.resolve("samples"));
        Path settings = writeSettings();

        Path generateLog = WORK.resolve("generate.log");
        mvn(WORK, generateLog, settings, "org.apache.maven.plugins:maven-archetype-plugin:"
                + property("methcla.archetype.plugin.version") + ":generate",
                "-DarchetypeGroupId=la.methc", "-DarchetypeArtifactId=methcla-plugin-archetype",
                "-DarchetypeVersion=" + property("methcla.kit.version"), "-DarchetypeCatalog=local",
                "-DgroupId=org.example", "-DartifactId=tone-plugin", "-Dversion=1.0.0", "-Dpackage=org.example.tone");
        Path project = WORK.resolve("tone-plugin");
        String pom = Files.readString(project.resolve("pom.xml"), StandardCharsets.UTF_8);
        assertTrue(pom, pom.contains("<artifactId>methcla-plugin-parent</artifactId>"));
        assertTrue("not the reactor's parent: " + pom, !pom.contains("methcla-parent<"));

        Path buildLog = WORK.resolve("build.log");
        mvn(project, buildLog, settings, "verify");
        String build = Files.readString(buildLog, StandardCharsets.UTF_8);
        assertTrue(build, build.contains("Tests run: 7, Failures: 0, Errors: 0, Skipped: 0"));

        Path bundle = project.resolve("target/tone-plugin-1.0.0.jar");
        try (JarFile jar = new JarFile(bundle.toFile())) {
            Manifest mf = jar.getManifest();
            assertEquals("tone-plugin", mf.getMainAttributes().getValue("Bundle-SymbolicName"));
            String imports = mf.getMainAttributes().getValue("Import-Package");
            assertTrue(imports, imports.contains("la.methc.api;version=\"[1."));
            assertTrue(mf.getMainAttributes().getValue("Service-Component"),
                    mf.getMainAttributes().getValue("Service-Component").contains("org.example.tone.ToneSynthDef"));
        }

        int port = Provisioning.freePort();
        Path log = WORK.resolve("methcla.log");
        Path deployed = Launcher.DIST.resolve("plugins/tone-plugin.jar");
        Process engine = Launcher.serve(WORK, log, port, "--sample-root", WORK.resolve("samples").toString());
        try (OscTestClient osc = OscTestClient.udp(port)) {
            Files.copy(bundle, deployed, StandardCopyOption.REPLACE_EXISTING);
            Launcher.waitFor(log, "bound SynthDef " + URI, 20_000);

            osc.send("/synth/new", URI, 100, 0, 1, new ArrayList<>(List.of(330f, 0.25f)), new ArrayList<>());
            osc.send("/synth/map/output", 100, 0, 0, 1);
            osc.send("/synth/activate", 100);
            osc.send("/output/record/start", "tone.wav", 1);
            osc.await("/done");
            Thread.sleep(500);
            osc.send("/output/record/stop");
            List<Object> done = osc.await("/done", 5000).getArguments();
            assertEquals(done.toString(), "/output/record/stop", done.get(0));
            String rest = OscTestClient.describe(osc.drain(100));
            assertTrue("no /error expected: " + rest, !rest.contains("/error"));

            float[] take = Wav.read(WORK.resolve("samples/tone.wav"))[0];
            assertTrue("frames: " + take.length, take.length > 10_000);
            // the tone fades in over its first block; well after it, the amplitude and frequency sent
            assertEquals(0.25, Signals.peak(take, 4800, take.length), 1e-3);
            assertEquals(330.0, Signals.frequency(take, 4800, take.length, 48000), 1.0);

            osc.send("/quit");
            osc.await("/done");
            assertTrue("engine did not exit after /quit", engine.waitFor(20, TimeUnit.SECONDS));
        } finally {
            engine.destroyForcibly();
            Files.deleteIfExists(deployed);
        }
    }

    /** Settings whose only repository is this build's local one, mirrored in place of every remote repository. */
    private static Path writeSettings() throws IOException {
        Path settings = WORK.resolve("settings.xml");
        Files.writeString(settings, "<settings><mirrors><mirror><id>this-build</id><mirrorOf>*</mirrorOf><url>"
                + Path.of(property("methcla.host.repo")).toUri() + "</url></mirror></mirrors></settings>\n",
                StandardCharsets.UTF_8);
        return settings;
    }

    /** Runs {@code mvn -B} in {@code dir} with the kit's repository; fails with the log's end unless it exits 0. */
    private static void mvn(Path dir, Path log, Path settings, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(property("maven.home"), "bin", "mvn").toString(),
                "-B", "-nsu", "-s", settings.toString(), "-Dmaven.repo.local=" + property("methcla.kit.repo"),
                // offline, but for the file: mirror (Maven's resolver reaches no other host then)
                "-o", "-Daether.offline.protocols=file"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("MAVEN_ARGS");
        Process p = pb.start();
        boolean ended = p.waitFor(180, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        if (!ended || p.exitValue() != 0) {
            String out = Files.readString(log, StandardCharsets.UTF_8);
            throw new AssertionError(String.join(" ", command) + (ended ? " exited " + p.exitValue() : " timed out")
                    + ":\n" + out.substring(Math.max(0, out.length() - 6000)));
        }
    }

    private static String property(String key) {
        String v = System.getProperty(key);
        if (v == null || v.isEmpty()) {
            throw new IllegalStateException("system property " + key + " is not set (run by failsafe from itests/)");
        }
        return v;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
