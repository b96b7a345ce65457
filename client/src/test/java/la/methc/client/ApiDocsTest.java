package la.methc.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.DocumentationTool;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Generates the client's Javadoc into {@code target/apidocs} with the JDK's javadoc tool (maven-javadoc-plugin
 * is not available offline), with doclint on: a broken reference or malformed comment fails the build.
 */
class ApiDocsTest {

    @Test
    void javadocBuildsCleanly() throws Exception {
        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        Path out = Path.of("target", "apidocs");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int status;
        try (PrintStream p = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            status = javadoc.run(null, p, p, "-quiet", "-Xdoclint:all,-missing", "-Werror", "--release", "17",
                    "-encoding", "UTF-8", "-d", out.toString(), "-sourcepath", "src/main/java",
                    "-classpath", System.getProperty("java.class.path"), "-windowtitle", "Methcla/J client",
                    "la.methc.client");
        }
        assertEquals(0, status, log.toString(StandardCharsets.UTF_8));
        assertTrue(Files.exists(out.resolve("la/methc/client/MethclaClient.html")));
    }
}
