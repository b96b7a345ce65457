import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Benchmark harness for Methcla/J, a single-file program with no dependencies (run with {@code java
 * bench/Bench.java ...}). It speaks just enough OSC to measure the engine from outside:
 *
 * <pre>
 *   sync HOST PORT COUNT          /sync round trips over UDP: p50, p99, max in ms
 *   resource HOST PORT COUNT      /resource/new (a 1-channel, 48,000-frame AudioBuffer) to /resource/ready
 *                                 round trips over UDP: p50, p99, max in ms (each is freed before the next)
 *   coldstart DIST PORT           start DIST/bin/methcla --driver dummy, time until /status answers
 *   score OUT.osc SYNTHS SECONDS  a score of SYNTHS sine synths playing for SECONDS
 *   voices HOST PORT [MAX]        looping play synths (1 channel, linear interpolation) added in steps until the
 *                                 average RT load reaches 80% (or MAX voices): the most voices sustained below it
 *   voicescore OUT.osc VOICES SECONDS
 *                                 a score that records a sine into an AudioBuffer and plays it with VOICES looping
 *                                 play synths for SECONDS
 * </pre>
 */
public class Bench {

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "sync" -> sync(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "resource" -> resource(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "coldstart" -> coldStart(Path.of(args[1]), Integer.parseInt(args[2]));
            case "score" -> score(Path.of(args[1]), Integer.parseInt(args[2]), Double.parseDouble(args[3]));
            case "voices" -> voices(args[1], Integer.parseInt(args[2]),
                    args.length > 3 ? Integer.parseInt(args[3]) : 10_000);
            case "voicescore" -> voiceScore(Path.of(args[1]), Integer.parseInt(args[2]),
                    Double.parseDouble(args[3]));
            default -> {
                System.err.println("usage: sync HOST PORT COUNT | resource HOST PORT COUNT | coldstart DIST PORT"
                        + " | score OUT SYNTHS SECONDS | voices HOST PORT [MAX] | voicescore OUT VOICES SECONDS");
                System.exit(2);
            }
        }
    }

    static void sync(String host, int port, int count) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(new InetSocketAddress(host, port));
            socket.setSoTimeout(2000);
            byte[] reply = new byte[1024];
            double[] ms = new double[count];
            int warmup = Math.min(200, count / 10);
            for (int i = -warmup; i < count; i++) {
                byte[] msg = Osc.message("/sync", i + warmup);
                long t0 = System.nanoTime();
                socket.send(new DatagramPacket(msg, msg.length));
                while (true) {
                    DatagramPacket p = new DatagramPacket(reply, reply.length);
                    socket.receive(p);
                    if (Osc.address(reply).equals("/synced")) {
                        break;
                    }
                }
                if (i >= 0) {
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
            }
            Arrays.sort(ms);
            System.out.printf("sync round trip over UDP, %d samples: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", count,
                    ms[count / 2], ms[(int) (count * 0.99)], ms[count - 1]);
        }
    }

    static final String AUDIO_BUFFER = "http://methc.la/resources/AudioBuffer/v1";

    /**
     * {@code /resource/new s:AudioBuffer i:id i:1 i:48000 f:48000} → {@code /resource/ready i:id}, timed; then
     * {@code /resource/free i:id} → {@code /resource/destroyed i:id}, not timed, so every round trip starts on
     * a free slot. {@code /notify 1} first. Any {@code /error} or {@code /resource/error} stops the run.
     */
    static void resource(String host, int port, int count) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(new InetSocketAddress(host, port));
            socket.setSoTimeout(2000);
            byte[] reply = new byte[1024];
            byte[] notify = Osc.message("/notify", 1);
            socket.send(new DatagramPacket(notify, notify.length));
            awaitReply(socket, reply, "/done", -1);
            double[] ms = new double[count];
            int warmup = Math.min(200, count / 10);
            for (int i = -warmup; i < count; i++) {
                int id = 1 + Math.floorMod(i, 512);
                byte[] create = Osc.message("/resource/new", AUDIO_BUFFER, id, 1, 48000, 48000f);
                long t0 = System.nanoTime();
                socket.send(new DatagramPacket(create, create.length));
                awaitReply(socket, reply, "/resource/ready", id);
                if (i >= 0) {
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                byte[] free = Osc.message("/resource/free", id);
                socket.send(new DatagramPacket(free, free.length));
                awaitReply(socket, reply, "/resource/destroyed", id);
            }
            Arrays.sort(ms);
            System.out.printf("resource round trip (/resource/new AudioBuffer 1 x 48000 -> /resource/ready) over UDP, "
                    + "%d samples: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", count, ms[count / 2],
                    ms[(int) (count * 0.99)], ms[count - 1]);
        }
    }

    /** Receives until {@code address} (with int {@code id} first, unless -1) arrives; fails on an error reply. */
    private static void awaitReply(DatagramSocket socket, byte[] reply, String address, int id) throws IOException {
        while (true) {
            DatagramPacket p = new DatagramPacket(reply, reply.length);
            socket.receive(p);
            String got = Osc.address(reply);
            if (got.equals("/error") || got.equals("/resource/error")) {
                throw new IllegalStateException(got + " while waiting for " + address + " " + id);
            }
            if (got.equals(address) && (id == -1 || Osc.firstInt(reply) == id)) {
                return;
            }
        }
    }

    static void coldStart(Path dist, int port) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(dist.resolve("bin/methcla").toString(), "--driver", "dummy", "--port",
                String.valueOf(port)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.setSoTimeout(20);
            byte[] msg = Osc.message("/status");
            byte[] reply = new byte[1024];
            while (System.nanoTime() - t0 < 30_000_000_000L) {
                socket.send(new DatagramPacket(msg, msg.length));
                try {
                    socket.receive(new DatagramPacket(reply, reply.length));
                    if (Osc.address(reply).equals("/status.reply")) {
                        System.out.printf("cold start to /status.reply: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
                        byte[] quit = Osc.message("/quit");
                        socket.send(new DatagramPacket(quit, quit.length));
                        p.waitFor();
                        return;
                    }
                } catch (SocketTimeoutException | java.net.PortUnreachableException e) {
                    // not up yet
                }
            }
            p.destroy();
            throw new IllegalStateException("no /status.reply within 30 s");
        }
    }

    /** Sines with different frequencies, all on hardware output 0 at a level that keeps the mix below 1. */
    static void score(Path out, int synths, double seconds) throws IOException {
        List<byte[]> start = new ArrayList<>();
        float amp = 0.5f / synths;
        for (int i = 0; i < synths; i++) {
            int id = 1 + i;
            start.add(Osc.message("/synth/new", "http://methc.la/plugins/sine", id, 0, 1,
                    List.of(100f + i, amp), List.of()));
            start.add(Osc.message("/synth/map/output", id, 0, i % 2, 1));
            start.add(Osc.message("/synth/activate", id));
        }
        try (DataOutputStream o = new DataOutputStream(Files.newOutputStream(out))) {
            // one bundle per 100 synths keeps each bundle well below any size limit
            for (int k = 0; k < start.size(); k += 300) {
                writeBundle(o, 0.0, start.subList(k, Math.min(start.size(), k + 300)));
            }
            writeBundle(o, seconds, List.of(Osc.message("/sync", 0)));
        }
        System.out.printf("wrote %s: %d sines for %.1f s%n", out, synths, seconds);
    }

    static final String SINE = "http://methc.la/plugins/sine";
    static final String PLAY = "http://methc.la/plugins/play";
    static final String RECORD = "http://methc.la/plugins/record";
    /** The AudioBuffer the play voices read; 1 channel, 48,000 frames. */
    static final int VOICE_BUFFER = 1;
    static final int BUFFER_FRAMES = 48000;
    /** Node ids: the voices' group, the sine and record synths that fill the buffer, then the voices. */
    static final int VOICE_GROUP = 1;
    static final int FIRST_VOICE = 10;
    static final double LOAD_LIMIT = 0.8;
    /** Seconds after a step before the window, and the window itself (the load average is an EMA over ~1 s). */
    static final long SETTLE_MS = 1500;
    static final long WINDOW_MS = 1000;
    static final long VOICES_DEADLINE_MS = 170_000;
    /** Windows measured again when one had late blocks below the load limit. */
    static final int RETRIES = 2;

    /**
     * The messages that start play voice {@code i}: looping, 1 channel, linear interpolation, at a rate a little
     * above 1 (so every frame is interpolated), mixed into hardware output {@code i % 2}.
     */
    static List<byte[]> voice(int id, int i, int target, int addAction) {
        float rate = 1.0f + 0.001f * (1 + i % 50);
        return List.of(
                Osc.message("/synth/new", PLAY, id, target, addAction, List.of(rate, 1f), List.of(VOICE_BUFFER, 1, 1)),
                Osc.message("/synth/map/output", id, 0, i % 2, 1),
                Osc.message("/synth/activate", id));
    }

    /** {@code /status.reply}: synths, groups, resources, avgLoad, peakLoad, lateBlocks, sampleRate, blockSize. */
    record Status(int synths, int groups, int resources, double avgLoad, double peakLoad, long lateBlocks,
            double sampleRate, int blockSize) {
        static Status of(List<Object> a) {
            return new Status((Integer) a.get(0), (Integer) a.get(1), (Integer) a.get(2), (Float) a.get(3),
                    (Float) a.get(4), ((Number) a.get(5)).longValue(), ((Number) a.get(6)).doubleValue(),
                    (Integer) a.get(7));
        }
    }

    static Status status(DatagramSocket socket, byte[] reply) throws IOException {
        byte[] msg = Osc.message("/status");
        socket.send(new DatagramPacket(msg, msg.length));
        while (true) {
            DatagramPacket p = new DatagramPacket(reply, reply.length);
            socket.receive(p);
            if (Osc.address(reply).equals("/status.reply")) {
                return Status.of(Osc.arguments(reply, p.getLength()));
            }
        }
    }

    private static int syncs;

    /** Sends {@code packets}, then {@code /sync}; returns the first {@code /error}'s arguments, or null. */
    static List<Object> sendAndSync(DatagramSocket socket, byte[] reply, List<byte[]> packets) throws IOException {
        for (byte[] b : packets) {
            socket.send(new DatagramPacket(b, b.length));
        }
        int id = ++syncs;
        byte[] sync = Osc.message("/sync", id);
        socket.send(new DatagramPacket(sync, sync.length));
        List<Object> error = null;
        while (true) {
            DatagramPacket p = new DatagramPacket(reply, reply.length);
            socket.receive(p);
            String got = Osc.address(reply);
            if ((got.equals("/error") || got.equals("/resource/error")) && error == null) {
                error = Osc.arguments(reply, p.getLength());
            } else if (got.equals("/synced") && Osc.firstInt(reply) == id) {
                return error;
            }
        }
    }

    /** Immediate bundles of at most 60 messages (20 voices) each: well below a UDP datagram's size. */
    static List<byte[]> bundles(List<byte[]> messages) {
        List<byte[]> out = new ArrayList<>();
        for (int k = 0; k < messages.size(); k += 60) {
            out.add(Osc.bundleNow(messages.subList(k, Math.min(messages.size(), k + 60))));
        }
        return out;
    }

    /**
     * Against a running engine (dummy driver): one 1-channel AudioBuffer of 48,000 frames filled with 1 s of a
     * recorded sine, then looping play voices added in steps. After each step it waits {@value #SETTLE_MS} ms,
     * reads {@code /status} (which also resets the peak), waits {@value #WINDOW_MS} ms and reads it again: the
     * later average load and the late blocks (blocks computed slower than real time) of that window count. A
     * step passes when the average stays below 80% with no late block in the window; a window with late blocks
     * below 80% is measured again, up to {@value #RETRIES} times, as other programs on a shared machine can
     * take the CPU for a moment, and a step whose every window had late blocks is reported but does not stop
     * the run. Steps start at 100 voices, then a quarter of the voices the remaining headroom is estimated at
     * (10 to 400). Ends when the average reaches 80%, at {@code max} voices, at an {@code /error} (e.g.
     * maxNodes reached) or after {@value #VOICES_DEADLINE_MS} ms. Prints the load curve and the largest count
     * that passed.
     */
    static void voices(String host, int port, int max) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(new InetSocketAddress(host, port));
            socket.setSoTimeout(10_000);
            socket.setReceiveBufferSize(1 << 20);
            byte[] reply = new byte[65536];
            byte[] notify = Osc.message("/notify", 1);
            socket.send(new DatagramPacket(notify, notify.length));
            awaitReply(socket, reply, "/done", -1);
            Status idle = status(socket, reply);
            if (idle.synths() != 0) {
                throw new IllegalStateException("the engine already runs " + idle.synths() + " synths");
            }
            List<Object> error = sendAndSync(socket, reply, List.of(
                    Osc.message("/resource/new", AUDIO_BUFFER, VOICE_BUFFER, 1, BUFFER_FRAMES, (float) idle.sampleRate())));
            if (error != null) {
                throw new IllegalStateException("/resource/new: " + error);
            }
            // fill it: a sine on internal bus 0, recorded once through (1 s); the voices' group after them
            error = sendAndSync(socket, reply, List.of(Osc.bundleNow(List.of(
                    Osc.message("/synth/new", SINE, 2, 0, 1, List.of(440f, 0.5f), List.of()),
                    Osc.message("/synth/map/output", 2, 0, 0, 0),
                    Osc.message("/synth/new", RECORD, 3, 0, 1, List.of(), List.of(VOICE_BUFFER)),
                    Osc.message("/synth/map/input", 3, 0, 0, 0),
                    Osc.message("/group/new", VOICE_GROUP, 0, 1),
                    Osc.message("/synth/activate", 2),
                    Osc.message("/synth/activate", 3)))));
            if (error != null) {
                throw new IllegalStateException("filling the buffer: " + error);
            }
            Thread.sleep(1100);
            sendAndSync(socket, reply, List.of(Osc.message("/node/free", 2), Osc.message("/node/free", 3)));
            System.out.printf("voices: looping play synths (1 channel, linear interpolation, rate 1.001-1.05) on one "
                    + "AudioBuffer of %d frames, mixed into 2 hardware outputs; %.0f Hz, %d-frame blocks; idle load "
                    + "%.3f%n", BUFFER_FRAMES, idle.sampleRate(), idle.blockSize(), idle.avgLoad());
            System.out.printf("%8s %8s %8s %6s%n", "voices", "avgLoad", "peak", "late");
            int n = 0;
            int best = 0;
            double bestLoad = idle.avgLoad();
            List<Integer> withLate = new ArrayList<>();
            int step = Math.min(100, max);
            String end = "MAX reached";
            while (n < max) {
                if (System.nanoTime() - t0 > VOICES_DEADLINE_MS * 1_000_000L) {
                    end = "time limit reached";
                    break;
                }
                int add = Math.min(step, max - n);
                List<byte[]> messages = new ArrayList<>();
                for (int i = n; i < n + add; i++) {
                    messages.addAll(voice(FIRST_VOICE + i, i, VOICE_GROUP, 1));
                }
                error = sendAndSync(socket, reply, bundles(messages));
                if (error != null) {
                    end = "the engine refused voice " + (n + 1) + "..: " + error
                            + " (start it with a larger --max-nodes)";
                    break;
                }
                n += add;
                Thread.sleep(SETTLE_MS);
                Status a = status(socket, reply);
                Thread.sleep(WINDOW_MS);
                Status b = status(socket, reply);
                long late = b.lateBlocks() - a.lateBlocks();
                // late blocks at a low average: another program may have taken the CPU; up to two more windows
                for (int again = 0; again < RETRIES && late > 0 && b.avgLoad() < LOAD_LIMIT; again++) {
                    System.out.printf("%8d %8.3f %8.3f %6d  (late blocks: measured again)%n", n, b.avgLoad(),
                            b.peakLoad(), late);
                    a = b;
                    Thread.sleep(WINDOW_MS);
                    b = status(socket, reply);
                    late = b.lateBlocks() - a.lateBlocks();
                }
                if (b.synths() != n) {
                    throw new IllegalStateException("the engine runs " + b.synths() + " synths, expected " + n);
                }
                System.out.printf("%8d %8.3f %8.3f %6d%s%n", n, b.avgLoad(), b.peakLoad(), late,
                        late > 0 ? "  (late blocks in every window)" : "");
                if (b.avgLoad() >= LOAD_LIMIT) {
                    end = "80% load reached at " + n;
                    break;
                }
                if (late > 0) {
                    withLate.add(n);
                } else {
                    best = n;
                    bestLoad = b.avgLoad();
                }
                // a quarter of the voices the headroom is estimated at, in tens, 10..400
                double perVoice = Math.max(1e-6, (b.avgLoad() - idle.avgLoad()) / n);
                int headroom = (int) ((LOAD_LIMIT - b.avgLoad()) / perVoice);
                step = Math.max(10, Math.min(400, headroom / 4 / 10 * 10));
            }
            sendAndSync(socket, reply, List.of(Osc.message("/node/free", VOICE_GROUP),
                    Osc.message("/resource/free", VOICE_BUFFER)));
            System.out.printf("play voices sustained below 80%% average load with no late block: %d (average load "
                    + "%.3f; %s; %.0f s)%s%n", best, bestLoad, end, (System.nanoTime() - t0) / 1e9,
                    withLate.isEmpty() ? "" : "; late blocks in every window at " + withLate + " voices");
        }
    }

    /**
     * A score: at 0 s an AudioBuffer (1 channel, 48,000 frames); from the next block on a sine recorded into it
     * once through (1 s) and VOICES looping play voices reading it, as {@code voices} starts them; the end at
     * SECONDS. Node ids go up to VOICES + 9 ({@code methcla render --max-nodes} above 1024 voices).
     */
    static void voiceScore(Path out, int voices, double seconds) throws IOException {
        List<byte[]> start = new ArrayList<>();
        start.add(Osc.message("/synth/new", SINE, 2, 0, 1, List.of(440f, 1f / Math.max(1, voices)), List.of()));
        start.add(Osc.message("/synth/map/output", 2, 0, 0, 0));
        start.add(Osc.message("/synth/new", RECORD, 3, 0, 1, List.of(), List.of(VOICE_BUFFER)));
        start.add(Osc.message("/synth/map/input", 3, 0, 0, 0));
        start.add(Osc.message("/group/new", VOICE_GROUP, 0, 1));
        start.add(Osc.message("/synth/activate", 2));
        start.add(Osc.message("/synth/activate", 3));
        for (int i = 0; i < voices; i++) {
            start.addAll(voice(FIRST_VOICE + i, i, VOICE_GROUP, 1));
        }
        double next = 0.002; // the block after the /resource/new (a score's Resource is live from the next block)
        try (DataOutputStream o = new DataOutputStream(Files.newOutputStream(out))) {
            writeBundle(o, 0.0, List.of(Osc.message("/resource/new", AUDIO_BUFFER, VOICE_BUFFER, 1, BUFFER_FRAMES,
                    48000f)));
            for (int k = 0; k < start.size(); k += 300) {
                writeBundle(o, next, start.subList(k, Math.min(start.size(), k + 300)));
            }
            writeBundle(o, seconds, List.of(Osc.message("/sync", 0)));
        }
        System.out.printf("wrote %s: %d looping play voices for %.1f s%n", out, voices, seconds);
    }

    static void writeBundle(DataOutputStream o, double seconds, List<byte[]> messages) throws IOException {
        byte[] b = Osc.bundle(seconds, messages);
        o.writeInt(b.length);
        o.write(b);
    }

    /** The little OSC this harness needs: int, float, string and array arguments; bundles. */
    static final class Osc {

        static byte[] message(String address, Object... args) {
            ByteArrayOutputStream tags = new ByteArrayOutputStream();
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            tags.write(',');
            encode(Arrays.asList(args), tags, data);
            ByteArrayOutputStream m = new ByteArrayOutputStream();
            string(m, address);
            string(m, tags.toString(StandardCharsets.US_ASCII));
            m.writeBytes(data.toByteArray());
            return m.toByteArray();
        }

        private static void encode(List<?> args, ByteArrayOutputStream tags, ByteArrayOutputStream data) {
            for (Object a : args) {
                if (a instanceof Integer i) {
                    tags.write('i');
                    data.writeBytes(ByteBuffer.allocate(4).putInt(i).array());
                } else if (a instanceof Float f) {
                    tags.write('f');
                    data.writeBytes(ByteBuffer.allocate(4).putFloat(f).array());
                } else if (a instanceof String s) {
                    tags.write('s');
                    string(data, s);
                } else if (a instanceof List<?> l) {
                    tags.write('[');
                    encode(l, tags, data);
                    tags.write(']');
                } else {
                    throw new IllegalArgumentException("cannot encode " + a);
                }
            }
        }

        static byte[] bundle(double seconds, List<byte[]> messages) {
            long whole = (long) Math.floor(seconds);
            long frac = Math.round((seconds - whole) * 4294967296.0);
            return bundle((whole << 32) | frac, messages);
        }

        /** A bundle with the immediate time tag (1). */
        static byte[] bundleNow(List<byte[]> messages) {
            return bundle(1L, messages);
        }

        private static byte[] bundle(long timeTag, List<byte[]> messages) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            string(b, "#bundle");
            b.writeBytes(ByteBuffer.allocate(8).putLong(timeTag).array());
            for (byte[] m : messages) {
                b.writeBytes(ByteBuffer.allocate(4).putInt(m.length).array());
                b.writeBytes(m);
            }
            return b.toByteArray();
        }

        private static void string(ByteArrayOutputStream o, String s) {
            byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
            o.writeBytes(bytes);
            int pad = 4 - bytes.length % 4;
            o.writeBytes(new byte[pad]);
        }

        /** The first argument of a message whose type tags start with {@code ,i}. */
        static int firstInt(byte[] packet) {
            int tags = padded(address(packet).length() + 1);
            if (packet[tags] != ',' || packet[tags + 1] != 'i') {
                throw new IllegalStateException("no int argument in " + address(packet));
            }
            int end = tags;
            while (packet[end] != 0) {
                end++;
            }
            return ByteBuffer.wrap(packet, padded(end + 1), 4).getInt();
        }

        /** The arguments of a message of {@code length} bytes: i, f, h, d, s, T, F, N (arrays are flattened). */
        static List<Object> arguments(byte[] packet, int length) {
            ByteBuffer b = ByteBuffer.wrap(packet, 0, length);
            int tags = padded(address(packet).length() + 1);
            int end = tags;
            while (packet[end] != 0) {
                end++;
            }
            b.position(padded(end + 1));
            List<Object> args = new ArrayList<>();
            for (int k = tags + 1; k < end; k++) {
                switch (packet[k]) {
                    case 'i' -> args.add(b.getInt());
                    case 'f' -> args.add(b.getFloat());
                    case 'h' -> args.add(b.getLong());
                    case 'd' -> args.add(b.getDouble());
                    case 's' -> {
                        int from = b.position();
                        int to = from;
                        while (packet[to] != 0) {
                            to++;
                        }
                        args.add(new String(packet, from, to - from, StandardCharsets.US_ASCII));
                        b.position(padded(to + 1));
                    }
                    case 'T' -> args.add(true);
                    case 'F' -> args.add(false);
                    case 'N', '[', ']' -> { }
                    default -> throw new IllegalStateException("cannot decode type tag " + (char) packet[k]);
                }
            }
            return args;
        }

        private static int padded(int n) {
            return (n + 3) & ~3;
        }

        static String address(byte[] packet) {
            int end = 0;
            while (packet[end] != 0) {
                end++;
            }
            return new String(packet, 0, end, StandardCharsets.US_ASCII);
        }
    }
}
