package la.methc.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * {@code docs/score-format.md} as a reader uses it: its {@code SineScore.java} (the client library's {@code Score}
 * builder) is run and its score rendered by the page's shell block, with {@code D} set to the built distribution;
 * its Python program (bytes written with {@code struct}, from the OSC specification) must write the same file byte
 * for byte, and the page's annotated dump must be that file's last record. The render must be the sine the page
 * describes: 72,064 frames, 440 Hz at 0.5 on channel 0 up to frame 72,000, silence after it and on channel 1. Needs
 * {@code python3} ({@code scripts/headless-audio.sh install} installs it where it is missing).
 */
public class ScoreFormatIT {

    private static final Path WORK = Path.of("target/score-format-it").toAbsolutePath();
    private static final Path PAGE = Path.of("../docs/score-format.md").toAbsolutePath().normalize();
    private static final String DIST_LINE = "D=/path/to/methcla   # the distribution: distribution/target/methcla in a build";
    private static final int RATE = 48000;
    private static final int END = 72000; // 1.5 s

    @Test
    public void theBuilderAndTheBytesByHandWriteTheSameScoreWhichRendersTheSine() throws Exception {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        Path dir = WORK.resolve("program");
        Files.createDirectories(dir);
        for (String f : List.of("sine.osc", "sine.wav", "python.osc")) {
            Files.deleteIfExists(dir.resolve(f));
        }
        Files.writeString(dir.resolve("SineScore.java"), block(page, "```java\n"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("score.py"), block(page, "```python\n"), StandardCharsets.UTF_8);

        // the page's commands: the builder writes sine.osc, methcla render renders it
        String shell = block(page, "```sh\n" + DIST_LINE + "\n");
        assertTrue(shell, shell.startsWith(DIST_LINE + "\n"));
        String script = ("D='" + Launcher.DIST.toAbsolutePath() + "'\n" + shell.substring(DIST_LINE.length() + 1))
                .replaceAll("(?m)^#.*\n", "");
        String log = PageCommands.run("the page's commands", script, dir, WORK.resolve("run.out"),
                WORK.resolve("cache"));
        assertTrue(log, log.contains("wrote sine.osc: 2 bundles"));
        assertTrue(log, log.contains("methcla rendered "));
        assertFalse("no /error:\n" + log, log.contains("/error"));

        // the bytes by hand, from the OSC specification: the same file
        Process python = new ProcessBuilder(Python.python3(), "score.py", "python.osc").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(WORK.resolve("python.out").toFile()).start();
        assertTrue("the Python program did not finish", python.waitFor(60, TimeUnit.SECONDS));
        assertEquals(Files.readString(WORK.resolve("python.out")), 0, python.exitValue());
        byte[] score = Files.readAllBytes(dir.resolve("sine.osc"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("python.osc")), score);

        // the page's dump is the last record
        byte[] dump = dump(block(page, "```text\n"));
        assertEquals(44, dump.length);
        assertEquals(HexFormat.of().formatHex(Arrays.copyOfRange(score, score.length - dump.length, score.length)),
                HexFormat.of().formatHex(dump));

        float[][] audio = Wav.read(dir.resolve("sine.wav"));
        assertEquals(2, audio.length);
        assertEquals(72_064, audio[0].length);
        assertEquals(0.5f, Signals.peak(audio[0], 0, END), 1e-3f);
        assertEquals(440.0, Signals.frequency(audio[0], 0, END, RATE), 0.1);
        assertEquals(0f, Signals.peak(audio[0], END, audio[0].length), 0f);
        assertEquals(0f, Signals.peak(audio[1], 0, audio[1].length), 0f);
    }

    /** The fenced block that starts with {@code start} (its fence line and maybe its first lines), to its fence. */
    private static String block(String page, String start) {
        int from = page.indexOf(start);
        assertTrue("no block starting " + start.strip() + " in " + PAGE, from >= 0);
        int body = page.indexOf('\n', from) + 1;
        int end = page.indexOf("```\n", body);
        assertTrue("unclosed block in " + PAGE, end >= 0);
        return page.substring(body, end);
    }

    /** The bytes of a dump: on each line, the groups of 8 hex digits before the description. */
    private static byte[] dump(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Pattern group = Pattern.compile("\\G([0-9a-f]{8}) ?");
        for (String line : text.lines().toList()) {
            Matcher m = group.matcher(line);
            while (m.find()) {
                bytes.writeBytes(HexFormat.of().parseHex(m.group(1)));
            }
        }
        return bytes.toByteArray();
    }
}
