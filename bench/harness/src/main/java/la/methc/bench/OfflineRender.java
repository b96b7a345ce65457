package la.methc.bench;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import la.methc.client.Score;
import la.methc.engine.internal.driver.WavFile;

/**
 * Figure e: offline real-time factor. A score (the {@code scsynth -N} format, which {@code methcla render}
 * reads too) allocates a buffer at 0 s; from the next block a sine is recorded into it once through (1 s)
 * while {@code voices} looping play voices read it; it ends at {@code seconds}. The render command runs as a
 * user would run it, JVM or process start included; RTF = seconds / wall time (the median of {@value #ROUNDS}
 * renders, taking turns with the other renderer). The output must be as long as the score and not silent on
 * either channel, so that nobody wins by doing nothing.
 */
final class OfflineRender {

    static final double START = 0.002; // the block after 0 s: a buffer allocated at 0 s is ready then
    private static final long TIMEOUT_S = 600;
    private static final double MIN_RMS = 1e-4;
    static final int ROUNDS = 5;
    static final double FIXED_SECONDS = 0.25;

    private final ServerUnderTest server;
    private final Path work;

    OfflineRender(ServerUnderTest server, Path work) {
        this.server = server;
        this.work = work;
    }

    /** Writes the score of {@code voices} voices playing for {@code seconds}. */
    static void writeScore(ServerUnderTest server, Path file, int voices, double seconds) throws IOException {
        Score score = new Score();
        score.at(0.0, x -> server.scoreStart(VoiceSearch.BUFFER, VoiceSearch.FRAMES).forEach(x::add));
        List<OSCMessage> start = new ArrayList<>(server.recordSine(VoiceSearch.BUFFER, 2, 1f / Math.max(1, voices)));
        start.add(server.newGroup(VoiceSearch.GROUP));
        for (int i = 0; i < voices; i++) {
            start.addAll(server.newPlayVoice(VoiceSearch.FIRST_VOICE + i, VoiceSearch.GROUP, VoiceSearch.BUFFER,
                    VoiceSearch.rate(i), i % 2));
        }
        for (OSCBundle b : Osc.bundles(start)) {
            score.at(START, x -> b.getPackets().forEach(x::add));
        }
        score.at(seconds, x -> x.add(server.scoreEnd()));
        score.write(file);
    }

    /**
     * A render's real-time factor for the whole command, the same with the renderer's fixed start-up and
     * shutdown taken out ({@code rendering}), and what the renderer itself said about its time (or "").
     */
    record Outcome(double rtf, double rendering, String said) {
    }

    /**
     * {@value #ROUNDS} renders of the same score by each renderer, taking turns render by render, the first of each
     * round alternating: a spell of noise on the shared machine then weighs on both alike, not on whichever
     * happened to render during it. One list of runs per renderer, in the order they ran.
     */
    static List<List<Run>> takingTurns(List<OfflineRender> renderers, int voices, double seconds)
            throws IOException, InterruptedException {
        List<List<Run>> runs = new ArrayList<>();
        renderers.forEach(r -> runs.add(new ArrayList<>()));
        for (int i = 0; i < ROUNDS; i++) {
            for (int j = 0; j < renderers.size(); j++) {
                int k = turn(i, j, renderers.size());
                runs.get(k).add(renderers.get(k).run(voices, seconds));
            }
        }
        return runs;
    }

    /** The renderer whose turn is {@code j}-th in round {@code i}: in order in even rounds, reversed in odd ones. */
    static int turn(int i, int j, int renderers) {
        return i % 2 == 0 ? j : renderers - 1 - j;
    }

    /**
     * The renderer's fixed cost from the runs of a score with two voices (one per channel, so that the output
     * check passes) that lasts {@value #FIXED_SECONDS} s, the best of them: process start (for Methcla/J the JVM
     * and Felix), reading the score, writing the file and shutdown. Taken out of a render's wall time it leaves the
     * time spent rendering.
     */
    static double fixedCost(List<Run> runs) {
        return runs.stream().mapToDouble(Run::wall).min().orElseThrow();
    }

    /**
     * The render of median wall time among {@code runs}, for either server alike: one render of about a second
     * moves by a few per cent between runs on a shared machine, which is about the margin between the two at 100
     * voices. {@code fixed}: {@link #fixedCost}.
     */
    static Outcome outcome(List<Run> runs, double seconds, double fixed) {
        String walls = runs.stream().map(r -> String.format(Locale.ROOT, "%.2f", r.wall))
                .collect(Collectors.joining(", "));
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(Run::wall));
        Run r = sorted.get(sorted.size() / 2);
        String said = "median of " + runs.size() + " renders, wall times " + walls + " s"
                + (r.said.isEmpty() ? "" : "; " + r.said);
        return new Outcome(seconds / r.wall, seconds / Math.max(1e-3, r.wall - fixed), said);
    }

    /** One render: its wall time, and what the renderer said about its own time (or ""). */
    record Run(double wall, String said) {
    }

    private Run run(int voices, double seconds) throws IOException, InterruptedException {
        String tag = server.name().replaceAll("[^A-Za-z]", "").toLowerCase() + "-" + voices;
        Path score = work.resolve(tag + ".osc");
        Path out = work.resolve(tag + ".wav");
        Path log = work.resolve(tag + ".log");
        writeScore(server, score, voices, seconds);
        List<String> command = server.renderCommand(score, out, VoiceSearch.FIRST_VOICE + voices + 16);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IOException(server.name() + " did not render within " + TIMEOUT_S + " s: " + command);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        if (p.exitValue() != 0) {
            throw new IOException(server.name() + " render failed (exit " + p.exitValue() + "), see " + log);
        }
        check(out, seconds);
        Files.deleteIfExists(out);
        String said = Files.readAllLines(log).stream().filter(l -> l.contains(" rendered ")).findFirst().orElse("");
        // e.g. "… methcla rendered out.wav: 60.00 s of audio in 7.90 s (7.6x real time)": the part after the path
        String own = said.substring(said.lastIndexOf(": ") + 1).strip();
        return new Run(wall, said.isEmpty() ? "" : "the renderer's own time: " + own);
    }

    private void check(Path out, double seconds) throws IOException {
        WavFile.Audio audio = WavFile.read(out);
        int expected = (int) Math.round(seconds * 48000);
        if (audio.numChannels() != 2 || audio.frames() < expected * 0.99) {
            throw new IOException(server.name() + " rendered " + audio.numChannels() + " channels × "
                    + audio.frames() + " frames, expected 2 × " + expected);
        }
        for (int c = 0; c < 2; c++) {
            double rms = rms(audio.channels()[c]);
            if (!(rms > MIN_RMS)) {
                throw new IOException(server.name() + " rendered silence on channel " + c + " (RMS " + rms + ")");
            }
        }
    }

    static double rms(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum / Math.max(1, x.length));
    }
}
