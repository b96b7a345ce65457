package la.methc.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.junit.Assume.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * {@code bin/methcla render} of the built distribution and the framework cache it keeps between renders
 * ({@code $XDG_CACHE_HOME/methcla/render-…}): reused, never shared by two renders, rebuilt when the distribution
 * changes, and the same WAV with it as without it. Each test has its own cache home and temporary folder.
 */
public class RenderCacheIT {

    private static final Path DIST = Path.of(System.getProperty("methcla.dist.dir", "target/dist"));
    private static final Path WORK = Path.of("target/render-cache-it").toAbsolutePath();
    private static final Path SCORE = WORK.resolve("sines.osc");
    /** What bin/methcla says when another render holds the cache. */
    private static final String BUSY = "is busy";
    /** What the engine logs when the process ends without stopping the framework. */
    private static final String HALTED = "render done: the process ends without stopping the framework";

    private Path cacheHome;
    private Path tmp;

    @BeforeClass
    public static void writeScore() throws IOException {
        Files.createDirectories(WORK);
        SineScore.write(SCORE);
    }

    @Before
    public void freshDirectories() throws IOException {
        cacheHome = WORK.resolve("cache");
        tmp = WORK.resolve("tmp");
        delete(cacheHome);
        delete(tmp);
        Files.createDirectories(tmp);
    }

    @Test
    public void aSecondRenderReusesTheCacheAndWritesTheSameFile() throws Exception {
        render("first.wav");
        Path cache = cacheDir();
        List<String> bundles = bundleDirs(cache);
        assertFalse(bundles.isEmpty());
        assertTrue(Files.isRegularFile(cache.resolve("fingerprint")));
        // the class-data archive, or the note that this JVM cannot make one; never a half-made one
        assertTrue(Files.exists(cache.resolve("methcla.jsa")) || Files.exists(cache.resolve("methcla.jsa.none")));
        assertFalse(Files.exists(cache.resolve("methcla.jsa.new")));
        assertFalse(Files.exists(cache.resolve("methcla.jsa.probe")));
        Path marker = Files.createFile(cache.resolve("felix/it-marker"));

        String second = render("second.wav");
        assertEquals("bundles installed again:\n" + second, bundles, bundleDirs(cache));
        assertTrue("the cache was rebuilt", Files.exists(marker));
        SineScore.check(Wav.read(WORK.resolve("second.wav")));
        assertSameFile("first.wav", "second.wav");

        // without the cache: the same file again, and the cache is left alone
        String uncached = render(Map.of("METHCLA_RENDER_CACHE", "off"), "uncached.wav");
        assertFalse(uncached, uncached.contains(BUSY));
        assertSameFile("first.wav", "uncached.wav");
        assertTrue(Files.exists(marker));
        assertEquals(bundles, bundleDirs(cache));
        assertNoTemporaryLeft();
    }

    @Test
    public void aRenderWhileTheCacheIsBusyUsesAFreshOne() throws Exception {
        render("first.wav");
        Path cache = cacheDir();
        Path marker = Files.createFile(cache.resolve("felix/it-marker"));
        List<String> bundles = bundleDirs(cache);
        Path lock = cache.resolve("lock");
        // another render holds the cache for as long as its JVM runs; stand in for it (flock holds the lock
        // until cat ends, which is when we close its input)
        Process holder = new ProcessBuilder("flock", "-o", lock.toString(), "cat").start();
        try {
            long deadline = System.currentTimeMillis() + 10_000;
            while (new ProcessBuilder("flock", "-n", lock.toString(), "true").start().waitFor() == 0) {
                assertTrue("flock did not take " + lock, System.currentTimeMillis() < deadline);
                Thread.sleep(20);
            }
            String beside = render("beside.wav");
            assertTrue("not a fresh cache:\n" + beside, beside.contains(BUSY));
            assertSameFile("first.wav", "beside.wav");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(10, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
        assertTrue("the busy cache was touched", Files.exists(marker));
        assertEquals(bundles, bundleDirs(cache));
        assertTrue(Files.isRegularFile(cache.resolve("fingerprint")));
        assertNoTemporaryLeft();

        // two real renders at once: whichever comes second while the first runs takes a fresh cache
        Process a = start(Map.of(), "a.wav", WORK.resolve("a.log"));
        Process b = start(Map.of(), "b.wav", WORK.resolve("b.log"));
        finish(a, WORK.resolve("a.log"));
        finish(b, WORK.resolve("b.log"));
        assertSameFile("first.wav", "a.wav");
        assertSameFile("first.wav", "b.wav");
        assertNoTemporaryLeft();
    }

    @Test
    public void aChangedPluginIsNotServedFromTheCache() throws Exception {
        // the same bundle without its component: installed from a stale cache, it would still play
        Path marker = renderWithTheSineReplaced("changed.wav", RenderCacheIT::withoutComponents);
        // the JVM stopped cleanly: the cache stays valid, until the restored plugin changes it again
        assertTrue(Files.size(cacheDir().resolve("fingerprint")) > 0);
        Files.createFile(marker);
        render("restored.wav");
        assertFalse("the cache was not rebuilt for the restored plugin", Files.exists(marker));
        assertSameFile("first.wav", "restored.wav");
        assertNoTemporaryLeft();
    }

    /** Puts a changed sine plugin in place of {@code original}, as {@code sine}. */
    private interface SineChange {
        void make(Path original, Path sine) throws IOException;
    }

    /**
     * Renders {@code first.wav}, marks the cache, then renders {@code wav} with the sine plugin changed by
     * {@code change}: the render must find the cache rebuilt (the mark gone) and the sine unknown (the changed
     * bundle has no component). The original plugin is put back, date included. Returns the mark's path.
     */
    private Path renderWithTheSineReplaced(String wav, SineChange change) throws Exception {
        render("first.wav");
        Path marker = Files.createFile(cacheDir().resolve("felix/it-marker"));
        Path sine = DIST.resolve("plugins/sine-bundle.jar");
        Path original = WORK.resolve("sine-bundle.jar");
        Files.copy(sine, original, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        try {
            change.make(original, sine);
            Path log = WORK.resolve(wav + ".log");
            Process p = start(Map.of(), wav, log);
            assertTrue("render did not finish", p.waitFor(60, TimeUnit.SECONDS));
            String changed = Files.readString(log);
            assertFalse("the cache was not rebuilt:\n" + changed, Files.exists(marker));
            assertEquals("the score's /errors fail the render: " + changed, 1, p.exitValue());
            assertTrue(changed, changed.contains("unknown SynthDef http://methc.la/plugins/sine"));
        } finally {
            Files.copy(original, sine, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return marker;
    }

    /**
     * A render from the cache's class-data archive turns the cubic vector kernel on, as one without the archive does.
     * On JDK 17 a method the JIT had queued when the archive was written is archived as queued, and no JVM using the
     * archive ever compiles it (JDK-8306460): in a run of 2026-12-07 that was the kernel, and every render from that
     * cache ran it scalar. The render that writes the archive waits for an empty queue first (ADR 0024). Where the
     * kernel did not come on in time, the same render without the cache decides: a loaded machine (skipped) or the
     * archive (failed).
     */
    @Test
    public void aRenderFromTheArchiveTurnsTheVectorKernelOn() throws Exception {
        // the render that writes the archive is over before the kernel's warm-up, as the bench's first render was
        Path brief = WORK.resolve("voices-brief.osc");
        VoiceScore.write(brief, 2, 0.25);
        String first = finish(start(Map.of(), brief, "voices-brief.wav", WORK.resolve("voices-brief.log"),
                "--max-nodes", "128"), WORK.resolve("voices-brief.log"));
        assumeTrue("this JVM makes no class-data archive:\n" + first,
                Files.exists(cacheDir().resolve("methcla.jsa")));
        // long enough for the warm-up (about 0.3 s on a quiet 2-core machine) to end well before the render does
        Path score = WORK.resolve("voices.osc");
        VoiceScore.write(score, 50, 240);
        String second = finish(start(Map.of(), score, "voices.wav", WORK.resolve("voices.log"), "--max-nodes",
                "128"), WORK.resolve("voices.log"));
        assertTrue("not a render from the archive:\n" + second, second.contains(HALTED));
        if (!kernelCameOn(second)) {
            // late on a loaded machine, or never: the same render without the cache tells which
            String uncached = finish(start(Map.of("METHCLA_RENDER_CACHE", "off"), score, "voices-uncached.wav",
                    WORK.resolve("voices-uncached.log"), "--max-nodes", "128"), WORK.resolve("voices-uncached.log"));
            assumeTrue("no vector kernel for this VM or CPU, or not within the render on this machine:\n" + uncached,
                    kernelCameOn(uncached));
            fail("the cubic vector kernel came on in a render without the archive but not in one from it (a method "
                    + "archived as queued for the JIT?):\n" + second);
        }
        Files.deleteIfExists(WORK.resolve("voices.wav"));
        Files.deleteIfExists(WORK.resolve("voices-uncached.wav"));
    }

    /** Whether the render's log says the cubic vector kernel came on before the render's result line. */
    private static boolean kernelCameOn(String log) {
        int on = log.indexOf("cubic kernel: vector");
        return on >= 0 && on < log.indexOf("methcla rendered");
    }

    /**
     * A render from a complete cache ends its process as soon as the engine has shut down, without stopping the
     * framework bundle by bundle (ADR 0015); the render that made the cache and dumped the class-data archive exits
     * normally. Either way the WAV is the same file, and a recording the score never stopped is closed whole by the
     * engine's shutdown: equal frame for frame to the render's output from its start on, then the silent blocks the
     * shutdown computed (one when the process halts, more when every bundle is stopped).
     */
    @Test
    public void aRenderFromACompleteCacheEndsOnceTheEngineHasShutDown() throws Exception {
        Path samples = WORK.resolve("samples");
        delete(samples);
        Files.createDirectories(samples);
        Path score = WORK.resolve("recording.osc");
        SineScore.writeRecording(score, "take.wav");
        String first = finish(start(Map.of(), score, "rec-first.wav", WORK.resolve("rec-first.log"),
                "--sample-root", samples.toString()), WORK.resolve("rec-first.log"));
        assertFalse("the render that made the cache halted:\n" + first, first.contains(HALTED));
        Files.move(samples.resolve("take.wav"), samples.resolve("take-first.wav"));
        boolean archived = Files.exists(cacheDir().resolve("methcla.jsa"));
        // the render that wrote the archive let the JIT's queue empty first (ADR 0024); the next one did not wait
        assertEquals(first, archived, first.contains("for the JIT's queue to empty before the class-data archive"));

        String second = finish(start(Map.of(), score, "rec-second.wav", WORK.resolve("rec-second.log"),
                "--sample-root", samples.toString()), WORK.resolve("rec-second.log"));
        // without an archive (a JVM that cannot make one) every render exits normally
        assertEquals(second, archived, second.contains(HALTED));
        assertTrue(second, second.contains("INFO EngineRuntime - engine stopped"));
        assertFalse(second, second.contains("for the JIT's queue to empty"));
        assertSameFile("rec-first.wav", "rec-second.wav");
        float[][] out = Wav.read(WORK.resolve("rec-second.wav"));
        SineScore.check(out);
        for (String name : List.of("take-first.wav", "take.wav")) {
            float[][] take = Wav.read(samples.resolve(name));
            assertEquals(2, take.length);
            int span = out[0].length - SineScore.SECOND_START;
            assertTrue(name + ": " + take[0].length + " frames", take[0].length >= span);
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < take[c].length; i++) {
                    float expected = i < span ? out[c][SineScore.SECOND_START + i] : 0f;
                    assertEquals(name + " channel " + c + " frame " + i, expected, take[c][i], 0f);
                }
            }
        }
        assertNoTemporaryLeft();
    }

    /**
     * A render from the cache starts only the plugins its score names, by the index of the plugins that the render
     * which started them all wrote (ADR 0018), and writes the same file; a score naming what the index lacks starts
     * every plugin, and renders as a render without the cache does.
     */
    @Test
    public void aRenderStartsOnlyThePluginsItsScoreNames() throws Exception {
        String first = render("first.wav");
        assertTrue(first, first.contains("render: started all 14 plugins: no plugin index yet"));
        Path index = cacheDir().resolve("plugins.index");
        String written = Files.readString(index);
        assertTrue(written, written.contains("provides\tfile:plugins/sine-bundle.jar\thttp://methc.la/plugins/sine\n"));
        assertTrue(written, written.contains("needs\tfile:plugins/sampler-bundle.jar\tfile:plugins/audiobuffer-bundle.jar\n"));

        String second = render("second.wav");
        assertTrue(second, second.contains("render: started 1 of 14 plugins, those the score needs (plugin index): "
                + "[sine-bundle]"));
        assertFalse(second, second.contains("bound SynthDef http://methc.la/plugins/reverb"));
        assertSameFile("first.wav", "second.wav");
        assertEquals("rewritten", written, Files.readString(index));

        // a plugin that needs another: the sampler's play and record need the AudioBuffer bundle
        Path sampler = WORK.resolve("sampler.osc");
        SamplerScore.write(sampler);
        String sampled = finish(start(Map.of(), sampler, "sampler.wav", WORK.resolve("sampler.log")),
                WORK.resolve("sampler.log"));
        assertTrue(sampled, sampled.contains("render: started 4 of 14 plugins, those the score needs (plugin index): "
                + "[audiobuffer-bundle, patch-cable-bundle, sampler-bundle, sine-bundle]"));
        SamplerScore.check(Wav.read(WORK.resolve("sampler.wav")));
        String uncachedSampler = finish(start(Map.of("METHCLA_RENDER_CACHE", "off"), sampler, "sampler-all.wav",
                WORK.resolve("sampler-all.log")), WORK.resolve("sampler-all.log"));
        assertFalse(uncachedSampler, uncachedSampler.contains("render: started"));
        assertSameFile("sampler-all.wav", "sampler.wav");

        // a SynthDef no plugin provides: every plugin is started, and the score's /error is the same as without
        Path unknown = WORK.resolve("unknown.osc");
        SineScore.writeWith(unknown, "http://methc.la/plugins/nope");
        String all = finish(start(Map.of(), unknown, "unknown.wav", WORK.resolve("unknown.log"), "--lenient"),
                WORK.resolve("unknown.log"));
        assertTrue(all, all.contains("render: started all 14 plugins: the score names http://methc.la/plugins/nope, "
                + "which no indexed plugin provides"));
        assertTrue(all, all.contains("unknown SynthDef http://methc.la/plugins/nope"));
        finish(start(Map.of("METHCLA_RENDER_CACHE", "off"), unknown, "unknown-all.wav",
                WORK.resolve("unknown-all.log"), "--lenient"), WORK.resolve("unknown-all.log"));
        assertSameFile("unknown-all.wav", "unknown.wav");
        assertSameFile("first.wav", "unknown.wav");
        assertEquals("rewritten", written, Files.readString(index));
        assertNoTemporaryLeft();
    }

    /** A plugin dropped into the plugins folder makes the cache and its plugin index new: every plugin starts. */
    @Test
    public void aNewPluginInvalidatesThePluginIndex() throws Exception {
        Path plugins = WORK.resolve("plugins");
        delete(plugins);
        Files.createDirectories(plugins);
        try (Stream<Path> jars = Files.list(DIST.resolve("plugins"))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                if (!jar.getFileName().toString().equals("reverb-bundle.jar")) {
                    Files.copy(jar, plugins.resolve(jar.getFileName()));
                }
            }
        }
        String[] options = {"--plugins", plugins.toString()};
        String first = finish(start(Map.of(), SCORE, "p-first.wav", WORK.resolve("p-first.log"), options),
                WORK.resolve("p-first.log"));
        assertTrue(first, first.contains("render: started all 13 plugins: no plugin index yet"));
        String second = finish(start(Map.of(), SCORE, "p-second.wav", WORK.resolve("p-second.log"), options),
                WORK.resolve("p-second.log"));
        assertTrue(second, second.contains("render: started 1 of 13 plugins"));

        Files.copy(DIST.resolve("plugins/reverb-bundle.jar"), plugins.resolve("reverb-bundle.jar"));
        String third = finish(start(Map.of(), SCORE, "p-third.wav", WORK.resolve("p-third.log"), options),
                WORK.resolve("p-third.log"));
        assertTrue(third, third.contains("render: started all 14 plugins: no plugin index yet"));
        String index = Files.readString(cacheDir().resolve("plugins.index"));
        assertTrue(index, index.contains("thttp://methc.la/plugins/reverb\n".substring(1)));
        String fourth = finish(start(Map.of(), SCORE, "p-fourth.wav", WORK.resolve("p-fourth.log"), options),
                WORK.resolve("p-fourth.log"));
        assertTrue(fourth, fourth.contains("render: started 1 of 14 plugins"));
        for (String wav : List.of("p-second.wav", "p-third.wav", "p-fourth.wav")) {
            assertSameFile("p-first.wav", wav);
        }
        assertNoTemporaryLeft();
    }

    /**
     * A plugin rebuilt to the same size, with the same fixed date as every jar of a reproducible build, is not
     * served from the cache: the fingerprint has each file's change time too.
     */
    @Test
    public void aRebuiltPluginOfTheSameSizeAndDateIsNotServedFromTheCache() throws Exception {
        renderWithTheSineReplaced("rebuilt.wav", (original, sine) -> {
            Path rebuilt = WORK.resolve("rebuilt.jar");
            sameSizeWithoutComponents(original, rebuilt);
            Files.copy(rebuilt, sine, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(sine, Files.getLastModifiedTime(original));
            assertEquals(Files.size(original), Files.size(sine));
            assertEquals(Files.getLastModifiedTime(original), Files.getLastModifiedTime(sine));
        });
        render("restored.wav");
        assertSameFile("first.wav", "restored.wav");
        assertNoTemporaryLeft();
    }

    /** The only cache of this test's cache home. */
    private Path cacheDir() throws IOException {
        try (Stream<Path> dirs = Files.list(cacheHome.resolve("methcla"))) {
            List<Path> all = dirs.toList();
            assertEquals(all.toString(), 1, all.size());
            assertTrue(all.toString(), all.get(0).getFileName().toString().startsWith("render-"));
            return all.get(0);
        }
    }

    /** The bundles of the cache's framework storage: a bundle installed again gets a new one. */
    private static List<String> bundleDirs(Path cache) throws IOException {
        try (Stream<Path> dirs = Files.list(cache.resolve("felix"))) {
            return dirs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("bundle")).sorted().toList();
        }
    }

    private String render(String wav) throws Exception {
        return render(Map.of(), wav);
    }

    /** Renders the score to WORK/{@code wav}; returns the output, failing on a non-zero exit. */
    private String render(Map<String, String> env, String wav) throws Exception {
        Path log = WORK.resolve(wav + ".log");
        return finish(start(env, wav, log), log);
    }

    private Process start(Map<String, String> env, String wav, Path log) throws IOException {
        return start(env, SCORE, wav, log);
    }

    /** Starts rendering {@code score} to WORK/{@code wav}, with the render options {@code options}. */
    private Process start(Map<String, String> env, Path score, String wav, Path log, String... options)
            throws IOException {
        Files.deleteIfExists(WORK.resolve(wav));
        List<String> command = new ArrayList<>(List.of("bash", "bin/methcla", "render", score.toString(),
                WORK.resolve(wav).toString()));
        command.addAll(List.of(options));
        ProcessBuilder pb = new ProcessBuilder(command).directory(DIST.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("XDG_CACHE_HOME", cacheHome.toString());
        pb.environment().put("TMPDIR", tmp.toString());
        pb.environment().remove("JAVA_OPTS");
        pb.environment().remove("METHCLA_RENDER_CACHE");
        pb.environment().putAll(env);
        return pb.start();
    }

    private static String finish(Process p, Path log) throws Exception {
        assertTrue("render did not finish", p.waitFor(60, TimeUnit.SECONDS));
        String out = Files.readString(log);
        assertEquals(out, 0, p.exitValue());
        assertTrue(out, out.contains("methcla rendered"));
        return out;
    }

    private static void assertSameFile(String expected, String actual) throws IOException {
        assertEquals(expected + " and " + actual + " differ", -1L,
                Files.mismatch(WORK.resolve(expected), WORK.resolve(actual)));
    }

    private void assertNoTemporaryLeft() throws IOException {
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList());
        }
    }

    /** A copy of the bundle {@code from} whose manifest has no Service-Component header. */
    private static void withoutComponents(Path from, Path to) throws IOException {
        Path next = WORK.resolve("without-components.jar");
        try (JarInputStream in = new JarInputStream(Files.newInputStream(from))) {
            Manifest manifest = new Manifest(in.getManifest());
            assertTrue(manifest.getMainAttributes().getValue("Service-Component") != null);
            manifest.getMainAttributes().remove(new Attributes.Name("Service-Component"));
            try (OutputStream file = Files.newOutputStream(next); JarOutputStream out = new JarOutputStream(file,
                    manifest)) {
                for (JarEntry e; (e = in.getNextJarEntry()) != null; ) {
                    out.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        Files.copy(next, to, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * A copy of the bundle {@code from} without its components ({@link #withoutComponents}), padded with a zip
     * comment to the size of {@code from}.
     */
    private static void sameSizeWithoutComponents(Path from, Path to) throws IOException {
        withoutComponents(from, to);
        long missing = Files.size(from) - Files.size(to);
        assertTrue("the copy is larger by " + -missing + " bytes", missing >= 0);
        Path padded = WORK.resolve("padded.jar");
        try (JarInputStream in = new JarInputStream(Files.newInputStream(to));
                OutputStream file = Files.newOutputStream(padded);
                JarOutputStream out = new JarOutputStream(file, in.getManifest())) {
            out.setComment("x".repeat((int) missing));
            for (JarEntry e; (e = in.getNextJarEntry()) != null; ) {
                out.putNextEntry(new JarEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
        }
        Files.copy(padded, to, StandardCopyOption.REPLACE_EXISTING);
        assertEquals(Files.size(from), Files.size(to));
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.delete(p);
            }
        }
    }
}
