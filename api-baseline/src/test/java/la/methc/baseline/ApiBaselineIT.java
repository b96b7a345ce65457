package la.methc.baseline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The build's semantic-version check (ADR 0013): every jar in {@code baseline/} against the jar of the same name
 * this build packaged. Fails {@code mvn verify} with bnd's message when a package changed more than its
 * {@code @Version} allows.
 */
class ApiBaselineIT {

    private static final File BUILT = new File(System.getProperty("methcla.api.jars", "target/api-jars"));
    private static final File BASELINE = new File(System.getProperty("methcla.api.baseline", "baseline"));

    @TestFactory
    Stream<DynamicTest> eachApiJarKeepsItsBaselineCompatible() {
        File[] baselines = BASELINE.listFiles((dir, name) -> name.endsWith(".jar"));
        assertTrue(baselines != null && baselines.length > 0, "no baseline jars in " + BASELINE);
        return Arrays.stream(baselines).sorted().map(older -> DynamicTest.dynamicTest(older.getName(), () -> {
            File newer = new File(BUILT, older.getName());
            assertTrue(newer.isFile(), newer + " was not built: add its artifact as a dependency of api-baseline");
            List<String> problems = ApiBaseline.problems(newer, older);
            assertTrue(problems.isEmpty(), () -> newer.getName() + " breaks its baseline " + older
                + " (bump the package versions as suggested, see docs/adr/0013-api-baseline.md):\n"
                + String.join("\n", problems));
        }));
    }
}
