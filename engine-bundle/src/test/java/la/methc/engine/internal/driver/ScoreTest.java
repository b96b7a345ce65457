package la.methc.engine.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreTest {

    @TempDir
    Path dir;

    static OSCMessage msg(String address, Object... args) {
        return new OSCMessage(address, Arrays.asList(args));
    }

    static OSCBundle at(double seconds, OSCPacket... packets) {
        return Score.bundle(seconds, List.of(packets));
    }

    private List<OSCBundle> threeBundles() {
        return List.of(
                at(0.0, msg("/synth/new", "test:sine", 1, 0, 1, new ArrayList<>(List.of(440f, 0.5f)),
                        new ArrayList<>()), msg("/synth/activate", 1)),
                at(0.5, msg("/node/set", 1, 0, 660f), msg("/x", 7L, 2.5d, "str", Boolean.TRUE, -3)),
                at(1.25, msg("/node/free", 1)));
    }

    private static List<String> describe(OSCPacket p) {
        List<String> out = new ArrayList<>();
        for (OSCPacket q : ((OSCBundle) p).getPackets()) {
            OSCMessage m = (OSCMessage) q;
            out.add(m.getAddress() + " " + m.getArguments());
        }
        return out;
    }

    @Test
    void roundTripKeepsMessagesAndComputesFrames() throws Exception {
        Path file = dir.resolve("s.osc");
        List<OSCBundle> bundles = threeBundles();
        Score.write(file, bundles);
        Score score = Score.read(file, 48000);
        assertEquals(3, score.entries().size());
        assertEquals(List.of(0L, 24000L, 60000L), score.entries().stream().map(Score.Entry::frame).toList());
        assertEquals(List.of(0.0, 0.5, 1.25), score.entries().stream().map(Score.Entry::seconds).toList());
        assertEquals(60000, score.lastFrame());
        for (int i = 0; i < 3; i++) {
            assertEquals(describe(bundles.get(i)), describe(score.entries().get(i).bundle()));
        }
        // records follow each other: offset of record k+1 = offset k + 4 + size k
        byte[] bytes = Files.readAllBytes(file);
        long second = 4 + ByteBuffer.wrap(bytes).getInt(0);
        assertEquals(0, score.entries().get(0).offset());
        assertEquals(second, score.entries().get(1).offset());
        // the same frames at another rate
        assertEquals(55125, Score.read(file, 44100).lastFrame());
    }

    @Test
    void readsScsynthRecordsEncodedByHand() throws Exception {
        // [int32 size]["#bundle\0"][NTP 2.5 s][int32 size]["/sync\0\0\0"][",i\0\0"][3]
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes("/sync\0\0\0,i\0\0".getBytes(StandardCharsets.US_ASCII));
        message.writeBytes(ByteBuffer.allocate(4).putInt(3).array());
        ByteArrayOutputStream bundle = new ByteArrayOutputStream();
        bundle.writeBytes("#bundle\0".getBytes(StandardCharsets.US_ASCII));
        bundle.writeBytes(ByteBuffer.allocate(8).putLong((2L << 32) | 0x8000_0000L).array());
        bundle.writeBytes(ByteBuffer.allocate(4).putInt(message.size()).array());
        bundle.writeBytes(message.toByteArray());
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(file);
        out.writeInt(bundle.size());
        out.write(bundle.toByteArray());
        Score score = Score.parse(ByteBuffer.wrap(file.toByteArray()), 48000, "hand");
        assertEquals(1, score.entries().size());
        assertEquals(120000, score.entries().get(0).frame());
        assertEquals(List.of("/sync [3]"), describe(score.entries().get(0).bundle()));
    }

    @Test
    void aBlobFollowedByOtherArgumentsParses() throws Exception {
        Path file = dir.resolve("blob.osc");
        ByteBuffer original = ByteBuffer.wrap(new byte[] {9, 8, 7});
        Score.write(file, List.of(at(0.25, msg("/b", new byte[] {1, 2, 3, 4, 5}, 7, "end", original, 8L, 1.5f))));
        assertEquals(3, original.remaining(), "writing does not consume a ByteBuffer argument");
        List<Object> args = ((OSCMessage) Score.read(file, 48000).entries().get(0).bundle().getPackets().get(0))
                .getArguments();
        assertEquals(6, args.size());
        assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5}), args.get(0));
        assertEquals(7, args.get(1));
        assertEquals("end", args.get(2));
        assertEquals(ByteBuffer.wrap(new byte[] {9, 8, 7}), args.get(3));
        assertEquals(8L, args.get(4));
        assertEquals(1.5f, args.get(5));
    }

    @Test
    void aTruncatedFileNamesTheOffsetOfTheBadRecord() throws Exception {
        Path file = dir.resolve("t.osc");
        Score.write(file, threeBundles());
        Score good = Score.read(file, 48000);
        long last = good.entries().get(2).offset();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 6));
        ScoreException e = assertThrows(ScoreException.class, () -> Score.read(file, 48000));
        assertEquals(last, e.offset());
        assertTrue(e.getMessage().contains("offset " + last) && e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());

        // two stray bytes after the last record: no room for a size
        byte[] stray = Arrays.copyOf(bytes, bytes.length + 2);
        e = assertThrows(ScoreException.class, () -> Score.parse(ByteBuffer.wrap(stray), 48000, "x"));
        assertEquals(bytes.length, e.offset());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void badSizesAndNonBundlesAreRejectedWithTheirOffset() throws Exception {
        Path file = dir.resolve("s.osc");
        Score.write(file, threeBundles());
        byte[] good = Files.readAllBytes(file);

        ScoreException e = assertThrows(ScoreException.class, () -> Score.parse(append(good, -5), 48000, "neg"));
        assertEquals(good.length, e.offset());
        assertTrue(e.getMessage().contains("negative"), e.getMessage());

        e = assertThrows(ScoreException.class, () -> Score.parse(append(good, Integer.MAX_VALUE), 48000, "huge"));
        assertEquals(good.length, e.offset());
        assertTrue(e.getMessage().contains("exceeds"), e.getMessage());

        // a bare message where a bundle must be
        ByteBuffer message = ByteBuffer.wrap("/sync\0\0\0,i\0\0\0\0\0\1".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer withMessage = ByteBuffer.allocate(good.length + 4 + message.remaining());
        withMessage.put(good).putInt(message.remaining()).put(message).flip();
        e = assertThrows(ScoreException.class, () -> Score.parse(withMessage, 48000, "msg"));
        assertEquals(good.length, e.offset());
        assertTrue(e.getMessage().contains("not an OSC bundle"), e.getMessage());

        // a bundle whose element size points past its end
        ByteBuffer broken = ByteBuffer.allocate(4 + 24);
        broken.putInt(24).put("#bundle\0".getBytes(StandardCharsets.US_ASCII)).putLong(1L << 32).putInt(400)
                .putInt(0).flip();
        e = assertThrows(ScoreException.class, () -> Score.parse(broken, 48000, "broken"));
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("malformed OSC bundle"), e.getMessage());
    }

    private static ByteBuffer append(byte[] good, int size) {
        ByteBuffer b = ByteBuffer.allocate(good.length + 4 + 16);
        b.put(good).putInt(size).put(new byte[16]).flip();
        return b;
    }

    @Test
    void timesMayGoBackwardsAndKeepFileOrder() throws Exception {
        Path file = dir.resolve("b.osc");
        Score.write(file, List.of(at(1.0, msg("/a")), at(0.5, msg("/b")), at(2.0, msg("/c"))));
        Score score = Score.read(file, 48000);
        assertEquals(List.of(48000L, 24000L, 96000L), score.entries().stream().map(Score.Entry::frame).toList());
        assertEquals(96000, score.lastFrame());
    }

    @Test
    void timeTagsRoundToTheNearestFrame() {
        assertEquals(16000, Score.frameOf(Score.timeTag(1 / 3.0), 48000));
        assertEquals(1, Score.frameOf(Score.timeTag(1 - 1e-12), 1));
        assertEquals(0, Score.frameOf(Score.timeTag(0), 48000));
        assertEquals(3.75, Score.seconds(Score.timeTag(3.75)));
        assertThrows(IllegalArgumentException.class, () -> Score.timeTag(-1));
    }

    @Test
    void anEmptyScoreHasNoFrames() throws Exception {
        Path file = dir.resolve("e.osc");
        Score.write(file, List.of());
        Score score = Score.read(file, 48000);
        assertEquals(0, score.entries().size());
        assertEquals(-1, score.lastFrame());
    }
}
