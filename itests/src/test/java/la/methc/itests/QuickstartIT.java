package la.methc.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import la.methc.client.MethclaClient;
import la.methc.client.Reply;
import org.junit.Test;

/**
 * The README's quick start in Java, run as a reader runs it: its Java block is written to {@code Quickstart.java}
 * in a folder of its own, and the README's shell block that runs it is run by bash, with {@code D} set to the built
 * distribution and the engine's port given to the program, against {@code bin/methcla --driver dummy} (its sample
 * root is the distribution's {@code samples/}, holding {@code pluck.wav}). It must exit 0, print nothing on standard
 * error, and print on standard output the lines the README shows after the command.
 */
public class QuickstartIT {

    private static final Path WORK = Path.of("target/quickstart-it").toAbsolutePath();
    private static final Path README = Path.of("../README.md").toAbsolutePath().normalize();
    private static final String DIST_LINE = "D=distribution/target/methcla";

    @Test
    public void theReadmesJavaProgramPrintsWhatTheReadmeShows() throws Exception {
        List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        String program = String.join("\n", block(lines, "```java", null)) + "\n";
        List<String> shell = block(lines, "```sh", DIST_LINE);
        List<String> command = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String l : shell) {
            if (l.startsWith("# -> ")) {
                expected.add(l.substring(5));
            } else if (l.startsWith("#    ")) {
                expected.add(l.substring(5));
            } else if (!l.startsWith("#")) {
                command.add(l);
            }
        }
        assertEquals(shell.toString(), 4, expected.size());
        assertTrue(command.toString(), command.get(command.size() - 1).endsWith("Quickstart.java"));

        Path dir = WORK.resolve("program");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("Quickstart.java"), program, StandardCharsets.UTF_8);
        int port = Provisioning.freePort();
        String script = String.join("\n", command).replace(DIST_LINE, "D='" + Launcher.DIST.toAbsolutePath() + "'")
                + " " + port + "\n";

        Path log = WORK.resolve("methcla.log");
        Process engine = Launcher.serve(WORK, log, port);
        try {
            Path out = WORK.resolve("quickstart.out");
            Path err = WORK.resolve("quickstart.err");
            ProcessBuilder pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            // the JDK running the tests is the reader's java
            pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
                    + pb.environment().get("PATH"));
            Process run = pb.start();
            assertTrue("Quickstart.java did not finish", run.waitFor(120, TimeUnit.SECONDS));
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertEquals(script + "\n" + stdout + stderr, 0, run.exitValue());
            assertEquals("nothing on standard error", "", stderr);
            assertEquals(String.join("\n", expected) + "\n", stdout);
            try (MethclaClient c = MethclaClient.udp("127.0.0.1", port).timeout(Duration.ofSeconds(10))) {
                Reply.Status s = c.status().get(10, TimeUnit.SECONDS);
                assertEquals("the program freed what it made", 0, s.resources());
                assertEquals(0, s.synths());
                c.quit().get(10, TimeUnit.SECONDS);
            }
            assertTrue("engine did not exit after /quit", engine.waitFor(20, TimeUnit.SECONDS));
        } finally {
            engine.destroyForcibly();
        }
    }

    /** The lines of the first fenced block opened by {@code fence} whose first line is {@code first} (if given). */
    private static List<String> block(List<String> lines, String fence, String first) {
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).equals(fence) && (first == null || k + 1 < lines.size() && lines.get(k + 1).equals(first))) {
                int end = lines.subList(k + 1, lines.size()).indexOf("```");
                assertTrue("unclosed " + fence + " block in " + README, end >= 0);
                return lines.subList(k + 1, k + 1 + end);
            }
        }
        throw new AssertionError("no " + fence + " block" + (first == null ? "" : " starting " + first) + " in " + README);
    }
}
