package la.methc.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aQute.bnd.osgi.EmbeddedResource;
import aQute.bnd.osgi.Jar;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * That the check of {@link ApiBaselineIT} catches what it is there for: the baseline API jar, changed by the
 * test (a public method taken out with ASM, the package's export version edited in the manifest), must be
 * reported as a MAJOR change unless the package's major version went up.
 */
class ApiBaselineTest {

    private static final File API = new File(System.getProperty("methcla.api.baseline", "baseline"),
        "resource-api-bundle.jar");
    private static final String PORT_DESCRIPTOR = "la/methc/api/PortDescriptor.class";

    @TempDir
    Path dir;

    @Test
    void theBaselineAgainstItselfIsClean() throws Exception {
        assertEquals(List.of(), ApiBaseline.problems(API, API));
    }

    @Test
    void aRemovedMethodUnderTheSameVersionNeedsAMajorBump() throws Exception {
        File newer = variant("same.jar", "controlOutput", "1.4.0");
        List<String> problems = ApiBaseline.problems(newer, API);
        assertEquals(1, problems.size(), problems::toString);
        String problem = problems.get(0);
        assertTrue(problem.startsWith("Baseline mismatch for package la.methc.api, MAJOR change. Current is 1.4.0,"
            + " repo is 1.4.0, suggest 2.0.0"), problem);
        assertTrue(problem.contains("controlOutput"), problem);
    }

    @Test
    void aMinorBumpDoesNotCoverARemovedMethod() throws Exception {
        File newer = variant("minor.jar", "controlOutput", "1.5.0");
        List<String> problems = ApiBaseline.problems(newer, API);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("Baseline mismatch for package la.methc.api, MAJOR change. Current is"
            + " 1.5.0, repo is 1.4.0, suggest 2.0.0"), problems.get(0));
    }

    @Test
    void aMajorBumpCoversARemovedMethod() throws Exception {
        assertEquals(List.of(), ApiBaseline.problems(variant("major.jar", "controlOutput", "2.0.0"), API));
    }

    @Test
    void anAddedMethodUnderTheSameVersionNeedsAMinorBump() throws Exception {
        // the other way round: the baseline has a method the "older" jar lacks, as if it had just been added
        File older = variant("older.jar", "controlOutput", "1.4.0");
        List<String> problems = ApiBaseline.problems(API, older);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("Baseline mismatch for package la.methc.api, MINOR change. Current is"
            + " 1.4.0, repo is 1.4.0, suggest 1.5.0"), problems.get(0));
        assertEquals(List.of(), ApiBaseline.problems(variant("bumped.jar", null, "1.5.0"), older));
    }

    @Test
    void aPackageNoLongerExportedIsReported() throws Exception {
        File newer = dir.resolve("nowav.jar").toFile();
        try (Jar jar = new Jar(API)) {
            Manifest manifest = jar.getManifest();
            manifest.getMainAttributes().putValue("Export-Package", "la.methc.api;version=\"1.4.0\"");
            jar.setManifest(manifest);
            jar.write(newer);
        }
        assertEquals(List.of("Package la.methc.api.wav, exported at 1.0.0 by resource-api-bundle.jar, is no longer"
            + " exported: a MAJOR change"), ApiBaseline.problems(newer, API));
    }

    /** The baseline API jar without PortDescriptor's static {@code method} (null: all kept), la.methc.api at {@code version}. */
    private File variant(String name, String method, String version) throws Exception {
        File out = dir.resolve(name).toFile();
        try (Jar jar = new Jar(API)) {
            if (method != null) {
                byte[] original;
                try (InputStream in = jar.getResource(PORT_DESCRIPTOR).openInputStream()) {
                    original = in.readAllBytes();
                }
                jar.putResource(PORT_DESCRIPTOR, new EmbeddedResource(without(original, method), 0L));
            }
            Manifest manifest = jar.getManifest();
            Attributes main = manifest.getMainAttributes();
            String exports = main.getValue("Export-Package");
            assertTrue(exports.contains("la.methc.api;version=\"1.4.0\""), exports);
            main.putValue("Export-Package",
                exports.replace("la.methc.api;version=\"1.4.0\"", "la.methc.api;version=\"" + version + "\""));
            jar.setManifest(manifest);
            jar.write(out);
        }
        return out;
    }

    private static byte[] without(byte[] classFile, String method) {
        ClassWriter writer = new ClassWriter(0);
        int[] removed = {0};
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
                if (name.equals(method)) {
                    removed[0]++;
                    return null;
                }
                return super.visitMethod(access, name, desc, sig, exceptions);
            }
        }, 0);
        assertEquals(1, removed[0], "methods named " + method);
        return writer.toByteArray();
    }
}
