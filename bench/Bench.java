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
 * </pre>
 */
public class Bench {

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "sync" -> sync(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "resource" -> resource(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "coldstart" -> coldStart(Path.of(args[1]), Integer.parseInt(args[2]));
            case "score" -> score(Path.of(args[1]), Integer.parseInt(args[2]), Double.parseDouble(args[3]));
            default -> {
                System.err.println("usage: sync HOST PORT COUNT | resource HOST PORT COUNT | coldstart DIST PORT"
                        + " | score OUT SYNTHS SECONDS");
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
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            string(b, "#bundle");
            long whole = (long) Math.floor(seconds);
            long frac = Math.round((seconds - whole) * 4294967296.0);
            b.writeBytes(ByteBuffer.allocate(8).putLong((whole << 32) | frac).array());
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
