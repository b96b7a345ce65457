package la.methc.itests;

import static la.methc.itests.HandMadeOsc.message;
import static la.methc.itests.OscTestClient.msg;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCPacket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import la.methc.engine.internal.driver.Score;
import la.methc.testsupport.HandMadeFlac;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * AudioBuffers made from sound files ({@code /resource/new … s:path}), against the built distribution, with WAV
 * files written byte by byte: a 22.05 kHz and a 96 kHz file of 0.1 s each play for 0.1 s in a 48 kHz render (the
 * play synth steps by the buffer's rate); a {@code /buffer/…} command sent right after the {@code /resource/new}
 * waits for the buffer instead of failing, in a score and on a running engine; {@code /buffer/query} answers the
 * file's shape; a {@code /buffer/read} of a file at another rate is done, with a warning naming both rates. A FLAC
 * file written bit by bit from the specification ({@link HandMadeFlac}) makes a buffer of its shape and samples
 * (written back by {@code /buffer/write} and compared) and is read by {@code /buffer/read}; a corrupt one is a
 * {@code /resource/error} naming the bad frame. jflac ships as a bundle of its own in {@code system/}, with its
 * licence, and the AudioBuffer bundle imports it rather than holding its classes.
 */
public class BufferFilesIT {

    private static final Path WORK = Path.of("target/buffer-files-it").toAbsolutePath();
    private static final Path SAMPLES = WORK.resolve("samples");
    private static final String BUFFER = "http://methc.la/resources/AudioBuffer/v1";
    private static final String PLAY = "http://methc.la/plugins/play";
    private static final int SR = 48000;
    private static final int BLOCK = 64;
    /** 0.1 s at 22.05 kHz, and at 96 kHz. */
    private static final int SLOW_FRAMES = 2205;
    private static final int FAST_FRAMES = 9600;
    /** 0.1 s at 48 kHz: how long each plays. */
    private static final int PLAYED = 4800;
    private static final int PLAY_START = 640;
    private static final int END = PLAY_START + PLAYED + 640;
    /** 0.5 in 16-bit PCM. */
    private static final short HALF = 16384;
    /** The FLAC file's stereo 16-bit samples. */
    private static final int[][] FLAC = new int[2][1000];

    @BeforeClass
    public static void files() throws Exception {
        HandMadeWav.constant(SAMPLES.resolve("slow.wav"), 22050, SLOW_FRAMES, HALF);
        HandMadeWav.constant(SAMPLES.resolve("fast.wav"), 96000, FAST_FRAMES, HALF);
        Files.writeString(SAMPLES.resolve("notes.txt"), "not a sound file");
        for (int i = 0; i < 1000; i++) {
            FLAC[0][i] = i * 61 - 30000;
            FLAC[1][i] = 32767 - i * 29;
        }
        HandMadeFlac.write(SAMPLES.resolve("st.flac"), 44100, 16, 256, false, FLAC);
        byte[] bad = HandMadeFlac.bytes(44100, 16, 256, false, FLAC);
        bad[bad.length - 100] ^= 1; // in the last frame: its CRC-16 no longer matches
        Files.write(SAMPLES.resolve("bad.flac"), bad);
    }

    @Test
    public void jflacIsABundleOfItsOwnInSystemWithItsLicence() throws Exception {
        Manifest jflac = manifest(Launcher.DIST.resolve("system/jflac-bundle.jar"));
        assertEquals("org.jflac.jflac-codec", jflac.getMainAttributes().getValue("Bundle-SymbolicName"));
        assertEquals("1.5.2", jflac.getMainAttributes().getValue("Bundle-Version"));
        String exports = jflac.getMainAttributes().getValue("Export-Package");
        assertTrue(exports, exports.startsWith("org.jflac;version=\"1.5.2\""));
        assertTrue(jflac.getMainAttributes().getValue("Bundle-License").startsWith("LGPL-2.1-only"));
        assertTrue(Files.isRegularFile(Launcher.DIST.resolve("licenses/jflac-LICENSE.md")));
        assertTrue(Files.readString(Launcher.DIST.resolve("licenses/LGPL-2.1.txt"))
                .contains("GNU LESSER GENERAL PUBLIC LICENSE"));

        Path audioBuffer = Launcher.DIST.resolve("plugins/audiobuffer-bundle.jar");
        String imports = manifest(audioBuffer).getMainAttributes().getValue("Import-Package");
        assertTrue(imports, imports.contains("org.jflac;version=\"[1.5,2)\""));
        try (JarFile jar = new JarFile(audioBuffer.toFile())) {
            assertFalse("the AudioBuffer bundle holds jflac's classes",
                    jar.stream().anyMatch(e -> e.getName().startsWith("org/jflac/")));
        }
        assertFalse(Files.exists(Launcher.DIST.resolve("plugins/jflac-bundle.jar")));
    }

    private static Manifest manifest(Path jar) throws Exception {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.getManifest();
        }
    }

    @Test
    public void filesAtTwentyTwoAndNinetySixKilohertzPlayForTheirDurationInARender() throws Exception {
        Path score = WORK.resolve("rates.osc");
        Path wav = WORK.resolve("rates.wav");
        Files.deleteIfExists(wav);
        Score.write(score, List.of(
                // the queries name buffers still being made: they wait (in a score too) rather than fail
                at(0, msg("/resource/new", BUFFER, 1, "slow.wav"), msg("/resource/new", BUFFER, 2, "fast.wav"),
                        msg("/buffer/query", 1), msg("/buffer/onsets", 2, 1f)),
                at(PLAY_START, play(11, 1, 0), play(12, 2, 1), msg("/synth/activate", 11), msg("/synth/activate", 12)),
                at(END, msg("/resource/free", 1), msg("/resource/free", 2))));
        Path log = WORK.resolve("render.log");
        Process p = Launcher.start(WORK, log, Map.of(), "render", score.toString(), wav.toString(), "--sample-root",
                SAMPLES.toString());
        assertTrue("render did not finish", p.waitFor(60, TimeUnit.SECONDS));
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(out, 0, p.exitValue());
        assertFalse("no /error, no /resource/error:\n" + out, out.contains("/error") || out.contains("/resource/error"));
        float[][] audio = Wav.read(wav);
        assertEquals(2, audio.length);
        assertEquals((END / BLOCK + 1) * BLOCK, audio[0].length);
        for (int c = 0; c < 2; c++) {
            String which = c == 0 ? "22.05 kHz" : "96 kHz";
            assertEquals(which + " before its start", 0f, Signals.peak(audio[c], 0, PLAY_START), 0f);
            int first = -1;
            int last = -1;
            for (int i = 0; i < audio[c].length; i++) {
                if (audio[c][i] != 0f) {
                    assertEquals(which + " frame " + i, 0.5f, audio[c][i], 1e-6f);
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            assertEquals(which + " starts", PLAY_START, first);
            // 4800 frames: 0.1 s, as on disk (at rate 1 without the buffer's rate it would be 2205 or 9600)
            int frames = last + 1 - first;
            assertTrue(which + " plays " + frames + " frames", Math.abs(frames - PLAYED) <= 1);
        }
    }

    @Test
    public void aRunningEngineMakesBuffersFromFilesAndCommandsWaitForThem() throws Exception {
        int port = Provisioning.freePort();
        Path log = WORK.resolve("live.log");
        Process engine = Launcher.start(WORK, log, Map.of(), "--port", Integer.toString(port), "--driver", "dummy",
                "--sample-root", SAMPLES.toString());
        try (OscTestClient osc = OscTestClient.udp(port)) {
            Launcher.waitFor(log, "methcla ready udp 127.0.0.1:" + port, 20_000);
            Launcher.waitFor(log, "bound CommandDef /buffer/query", 10_000);
            Launcher.waitFor(log, "bound CommandDef /buffer/onsets", 10_000);
            // hand-made bytes: the onsets and the query come right behind the /resource/new
            osc.sendRaw(message("/resource/new", BUFFER, 5, "slow.wav"));
            osc.sendRaw(message("/buffer/onsets", 5, 1f));
            osc.sendRaw(message("/buffer/query", 5));
            assertEquals(List.of(5), osc.await("/resource/ready").getArguments());
            assertEquals(5, osc.await("/buffer/onsets.reply").getArguments().get(0));
            assertEquals(List.of(5, 1, SLOW_FRAMES, 22050f), osc.await("/buffer/info").getArguments());

            osc.sendRaw(message("/resource/new", BUFFER, 6, "missing.wav"));
            assertEquals(List.of(6, BUFFER + ": cannot read missing.wav: no such file in the sample root"),
                    osc.await("/resource/error").getArguments());
            osc.sendRaw(message("/resource/new", BUFFER, 7, "notes.txt"));
            String notSound = osc.await("/resource/error").getArguments().get(1).toString();
            assertTrue(notSound, notSound.contains("cannot read notes.txt: not a sound file the engine decodes"));
            osc.sendRaw(message("/resource/new", BUFFER, 8, "../outside.wav"));
            String outside = osc.await("/resource/error").getArguments().get(1).toString();
            assertTrue(outside, outside.contains("outside the sample root"));

            // the shape, rate included, stays: a file at another rate is read, with a warning
            osc.sendRaw(message("/buffer/read", 5, "fast.wav"));
            assertEquals(List.of("/buffer/read", 5), osc.await("/done").getArguments());
            osc.sendRaw(message("/buffer/query", 5));
            assertEquals(List.of(5, 1, SLOW_FRAMES, 22050f), osc.await("/buffer/info").getArguments());
            Launcher.waitFor(log, "/buffer/read 5: fast.wav is at 96000.0 Hz, the buffer at 22050.0 Hz", 5000);

            // FLAC: the shape and samples of the file, through the jflac bundle in system/
            osc.sendRaw(message("/resource/new", BUFFER, 10, "st.flac"));
            assertEquals(List.of(10), osc.await("/resource/ready").getArguments());
            osc.sendRaw(message("/buffer/query", 10));
            assertEquals(List.of(10, 2, 1000, 44100f), osc.await("/buffer/info").getArguments());
            Files.deleteIfExists(SAMPLES.resolve("flac-copy.wav"));
            osc.sendRaw(message("/buffer/write", 10, "flac-copy.wav"));
            assertEquals(List.of("/buffer/write", 10), osc.await("/done").getArguments());
            float[][] copy = Wav.read(SAMPLES.resolve("flac-copy.wav"));
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < 1000; i++) {
                    assertEquals("channel " + c + " frame " + i, FLAC[c][i] / 32768f, copy[c][i], 0f);
                }
            }
            osc.sendRaw(message("/buffer/read", 5, "st.flac"));
            assertEquals(List.of("/buffer/read", 5), osc.await("/done").getArguments());
            osc.sendRaw(message("/resource/new", BUFFER, 11, "bad.flac"));
            String bad = osc.await("/resource/error").getArguments().get(1).toString();
            assertTrue(bad, bad.contains("cannot read bad.flac: corrupt FLAC frame at sample frame 768 (CRC Error"));

            osc.sendRaw(message("/buffer/query", 9));
            assertEquals(List.of("/buffer/query", 9, "resource is not live"), osc.await("/error").getArguments());
            osc.send("/quit");
            osc.await("/done");
            assertTrue("engine did not exit after /quit", engine.waitFor(20, TimeUnit.SECONDS));
        } finally {
            engine.destroyForcibly();
        }
    }

    /** A one-shot play synth of buffer {@code buffer} (linear) into hardware output {@code out}, freed at its end. */
    private static OSCPacket[] play(int id, int buffer, int out) {
        return new OSCPacket[] {
            msg("/synth/new", PLAY, id, 0, 1, new ArrayList<>(), new ArrayList<>(List.of(buffer, 1, 1))),
            msg("/synth/map/output", id, 0, out, 1),
            msg("/synth/property/doneFlags/set", id, 1)};
    }

    private static OSCBundle at(int frame, Object... packets) {
        List<OSCPacket> all = new ArrayList<>();
        for (Object p : packets) {
            if (p instanceof OSCPacket[] many) {
                all.addAll(List.of(many));
            } else {
                all.add((OSCPacket) p);
            }
        }
        return Score.bundle(frame / (double) SR, all);
    }
}
