package la.methc.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * {@code bin/methcla check-plugin JAR} against the built distribution: a bundled palette plugin is clean (status 0)
 * and its URI listed; the fault-injection bundle is not (status 1), each broken SynthDef named with what broke; a jar
 * whose manifest imports a package nobody exports does not resolve (1, the package and its range named); components
 * unsatisfied or never activated, and a URI bound already from another bundle, are findings; a file that is no jar,
 * or none at all, is a usage error (2).
 */
public class CheckPluginIT {

    private static final Path WORK = Path.of("target/check-plugin-it").toAbsolutePath();
    private static final Path BUNDLES = Path.of(System.getProperty("methcla.bundles.dir", "target/bundles"));
    private static final String FAULTS = "http://methc.la/test/faults/";
    private static final Pattern FAIL = Pattern.compile("^FAIL  SynthDef (\\S+): (.*)$", Pattern.MULTILINE);

    @BeforeClass
    public static void prepare() throws IOException {
        Files.createDirectories(WORK);
    }

    private record Checked(int status, String out) {
    }

    private static Checked check(String name, String... args) throws Exception {
        Path log = WORK.resolve(name + ".log");
        Process p = Launcher.start(WORK, log, Map.of(), args);
        boolean ended = p.waitFor(180, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue("bin/methcla check-plugin did not end:\n" + out, ended);
        return new Checked(p.exitValue(), out);
    }

    @Test
    public void aBundledPaletteFilterIsCleanAndItsUriListed() throws Exception {
        Checked c = check("filter", "check-plugin", Launcher.DIST.resolve("plugins/filter-bundle.jar").toString());
        assertEquals(c.out(), 0, c.status());
        assertTrue(c.out(), c.out().contains("ok    registers SynthDef http://methc.la/plugins/filter\n"));
        assertTrue(c.out(), c.out().contains("ok    component la.methc.plugins.filter.internal.FilterSynthDef: active"));
        assertTrue(c.out(), Pattern.compile("ok    SynthDef http://methc.la/plugins/filter \\(isolated\\): built with no"
                + " options, 1 audio input\\(s\\) of noise, 2 control\\(s\\) at their defaults; \\d+ blocks run, output"
                + " finite; process allocated 0 bytes in the 750 blocks measured").matcher(c.out()).find());
        assertFalse(c.out(), c.out().contains("FAIL"));
        assertTrue(c.out(), c.out().contains("methcla check-plugin: clean\n"));
        assertFalse("warnings and errors only on the log: " + c.out(), c.out().contains(" INFO "));
    }

    /** The delay's resource port gets the check's AudioBuffer through remap, as /node/set would give it one. */
    @Test
    public void theDelayRunsWithAnAudioBufferOnItsResourcePort() throws Exception {
        Checked c = check("delay", "check-plugin", Launcher.DIST.resolve("plugins/delay-bundle.jar").toString(),
                "--block-size", "128");
        assertEquals(c.out(), 0, c.status());
        // 48000 / 128 = 375 blocks a second
        assertTrue(c.out(), c.out().contains("process allocated 0 bytes in the 375 blocks measured"));
        assertFalse(c.out(), c.out().contains("not run"));
    }

    @Test
    public void theFaultInjectionBundleHasEachFindingNamed() throws Exception {
        Checked c = check("faults", "check-plugin", BUNDLES.resolve("fault-injection-bundle.jar").toString());
        assertEquals(c.out(), 1, c.status());
        Map<String, String> found = new java.util.TreeMap<>();
        Matcher m = FAIL.matcher(c.out());
        while (m.find()) {
            found.merge(m.group(1).substring(FAULTS.length()), m.group(2), (a, b) -> a + " | " + b);
        }
        assertEquals(c.out(), new TreeSet<>(List.of("activate-throws", "attach-throws", "broken-ports",
                "construct-null", "construct-throws", "destroy-throws", "nan-output", "process-allocates",
                "process-throws")), found.keySet());
        assertTrue(found.get("process-throws"), found.get("process-throws").startsWith(
                "process threw java.lang.IllegalStateException: injected fault: process (at "));
        assertTrue(found.get("process-throws"), found.get("process-throws").endsWith(" in block 0"));
        assertTrue(found.get("nan-output"), found.get("nan-output").startsWith("output 'out' is not finite (NaN: computed"
                + " so, or a frame process left unwritten) in block 0, frame 0; "));
        assertTrue(found.get("process-allocates"), found.get("process-allocates").matches(
                "process allocated \\d+ bytes in 750 blocks \\(after a warm-up, once the JIT was quiet; the smaller"
                + " of two such windows\\)"));
        long bytes = Long.parseLong(found.get("process-allocates").split(" ")[2]);
        assertTrue("a float[64] (256 bytes and a header) a block: " + bytes, bytes >= 750L * 256);
        assertTrue(found.get("attach-throws"), found.get("attach-throws").startsWith(
                "attach threw java.lang.IllegalStateException: injected fault: attach"));
        assertTrue(found.get("activate-throws"), found.get("activate-throws").startsWith(
                "activate threw java.lang.IllegalStateException: injected fault: activate"));
        assertTrue(found.get("destroy-throws"), found.get("destroy-throws").startsWith(
                "destroy threw java.lang.IllegalStateException: injected fault: destroy"));
        assertEquals("construct returned null", found.get("construct-null"));
        assertTrue(found.get("construct-throws"), found.get("construct-throws").startsWith(
                "cannot be built with no options: java.lang.IllegalStateException: injected fault: construct"));
        assertTrue(found.get("broken-ports"), found.get("broken-ports").startsWith(
                "cannot be built with no options: java.lang.IllegalArgumentException: missing argument 0"));
        // the healthy ones run, and everything it registers is listed
        assertTrue(c.out(), c.out().contains("ok    SynthDef " + FAULTS + "hold: built with no options"));
        assertTrue(c.out(), c.out().contains("ok    registers ResourceDef " + FAULTS + "resource\n"));
        assertEquals(c.out(), 12, c.out().lines().filter(l -> l.startsWith("ok    registers ")).count());
        assertTrue(c.out(), c.out().contains("methcla check-plugin: 9 findings\n"));
    }

    /**
     * The bundled filter under another symbolic name: both install, and its SynthDef's URI is bound already from the
     * distribution's filter, so the engine would ignore it.
     */
    @Test
    public void aUriBoundAlreadyFromAnotherBundleIsAFinding() throws Exception {
        Path copy = WORK.resolve("filter-copy.jar");
        try (java.util.jar.JarInputStream in = new java.util.jar.JarInputStream(
                Files.newInputStream(Launcher.DIST.resolve("plugins/filter-bundle.jar")))) {
            Manifest manifest = in.getManifest();
            manifest.getMainAttributes().putValue("Bundle-SymbolicName", "test.filter-copy");
            try (OutputStream out = Files.newOutputStream(copy); JarOutputStream j = new JarOutputStream(out, manifest)) {
                for (java.util.jar.JarEntry e; (e = in.getNextJarEntry()) != null;) {
                    j.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                    in.transferTo(j);
                }
            }
        }
        Checked c = check("filter-copy", "check-plugin", copy.toString());
        assertEquals(c.out(), 1, c.status());
        assertFalse(c.out(), c.out().contains("stands aside"));
        assertEquals(c.out(), List.of("FAIL  SynthDef http://methc.la/plugins/filter: already bound from bundle"
                + " filter-bundle; the engine ignores this one"),
                c.out().lines().filter(l -> l.startsWith("FAIL")).collect(Collectors.toList()));
        assertTrue(c.out(), c.out().contains("methcla check-plugin: 1 finding\n"));
    }

    @Test
    public void aJarImportingAMissingPackageDoesNotResolve() throws Exception {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "test.unresolved");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", "la.methc.api;version=\"[1.0,2)\",com.example.missing;version=\"[1.2,2)\","
                + "com.example.gone");
        Path jar = WORK.resolve("unresolved.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.flush();
        }
        Checked c = check("unresolved", "check-plugin", jar.toString());
        assertEquals(c.out(), 1, c.status());
        List<String> fails = c.out().lines().filter(l -> l.startsWith("FAIL")).collect(Collectors.toList());
        assertEquals(c.out(), 3, fails.size());
        assertTrue(c.out(), fails.get(0).startsWith("FAIL  bundle test.unresolved 1.0.0: does not resolve: "));
        assertTrue(c.out(), fails.contains("FAIL  bundle test.unresolved 1.0.0: needs package com.example.missing"
                + " [1.2.0,2.0.0), which no bundle here provides"));
        assertTrue(c.out(), fails.contains("FAIL  bundle test.unresolved 1.0.0: needs package com.example.gone of any"
                + " version, which no bundle here provides"));
    }

    /**
     * Components by hand-written DS descriptors without classes: one waits for a service nobody registers, an
     * immediate one cannot be loaded; and the bundle registers no plugin service.
     */
    @Test
    public void unsatisfiedAndFailedComponentsAreNamed() throws Exception {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "test.components");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Service-Component", "OSGI-INF/waits.xml,OSGI-INF/broken.xml");
        String ns = "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.4.0\" ";
        Path jar = WORK.resolve("components.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.putNextEntry(new java.util.zip.ZipEntry("OSGI-INF/waits.xml"));
            j.write((ns + "name=\"test.waits\" immediate=\"true\"><implementation class=\"test.Nothing\"/>"
                    + "<reference name=\"missing\" interface=\"com.example.Missing\" cardinality=\"1..1\""
                    + " field=\"missing\"/></scr:component>").getBytes(StandardCharsets.UTF_8));
            j.putNextEntry(new java.util.zip.ZipEntry("OSGI-INF/broken.xml"));
            j.write((ns + "name=\"test.broken\" immediate=\"true\"><implementation class=\"test.Absent\"/>"
                    + "</scr:component>").getBytes(StandardCharsets.UTF_8));
        }
        Checked c = check("components", "check-plugin", jar.toString());
        assertEquals(c.out(), 1, c.status());
        List<String> fails = c.out().lines().filter(l -> l.startsWith("FAIL")).sorted().collect(Collectors.toList());
        assertEquals(c.out(), List.of(
                "FAIL  bundle test.components: registers no SynthDef, ResourceDef or CommandDef",
                "FAIL  component test.broken: satisfied but not active: an immediate component that failed to activate"
                        + " (the log says why)",
                "FAIL  component test.waits: not satisfied: no service for reference missing (com.example.Missing,"
                        + " 1..1)"), fails);
    }

    @Test
    public void aFileThatIsNoJarOrNoneIsAUsageError() throws Exception {
        Path text = WORK.resolve("not-a-jar.jar");
        Files.writeString(text, "hello\n");
        Checked c = check("not-a-jar", "check-plugin", text.toString());
        assertEquals(c.out(), 2, c.status());
        assertTrue(c.out(), c.out().contains("methcla check-plugin: " + text + ": not a jar ("));
        Checked none = check("no-file", "check-plugin", WORK.resolve("nothing.jar").toString());
        assertEquals(none.out(), 2, none.status());
        assertEquals("methcla check-plugin: " + WORK.resolve("nothing.jar") + ": no such file\n", none.out());
        Checked bare = check("no-arg", "check-plugin");
        assertEquals(bare.out(), 2, bare.status());
        assertTrue(bare.out(), bare.out().contains("methcla check-plugin JAR"));
    }
}
