package la.methc.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * The Python client of {@code docs/python.md}, run as written against the built distribution: a client that shares
 * no code with the engine (Python's standard library only), from the docs alone. Its printed lines must be the ones
 * the page shows. Needs {@code python3} ({@code scripts/headless-audio.sh install} installs it where it is missing).
 */
public class PythonClientIT {

    private static final Path WORK = Path.of("target/python-client-it").toAbsolutePath();
    private static final Path PAGE = Path.of("../docs/python.md");

    @Test
    public void theDocsPythonClientPlaysASampleAndASine() throws Exception {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        String program = block(page, "python");
        List<String> expected = block(page, "text").lines().toList();
        Files.createDirectories(WORK);
        Path script = WORK.resolve("quickstart.py");
        Files.writeString(script, program, StandardCharsets.UTF_8);

        int port = Provisioning.freePort();
        Path log = WORK.resolve("engine.log");
        Process engine = Launcher.serve(WORK, log, port);
        try {
            Path out = WORK.resolve("python.out");
            Process python = new ProcessBuilder(Python.python3(), script.toString(), "127.0.0.1", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertTrue("the Python client did not finish", python.waitFor(60, TimeUnit.SECONDS));
            String printed = Files.readString(out, StandardCharsets.UTF_8);
            assertEquals("the Python client failed:\n" + printed, 0, python.exitValue());
            assertEquals(expected, printed.lines().toList());
        } finally {
            engine.destroy();
            if (!engine.waitFor(20, TimeUnit.SECONDS)) {
                engine.destroyForcibly();
            }
        }
    }

    /** The first fenced block of {@code language} in {@code page}. */
    private static String block(String page, String language) {
        Matcher m = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(page);
        assertTrue("docs/python.md has no ```" + language + " block", m.find());
        return m.group(1);
    }
}
