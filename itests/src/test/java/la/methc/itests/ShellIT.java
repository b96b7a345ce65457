package la.methc.itests;

import static la.methc.itests.HandMadeOsc.message;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * {@code bin/methcla --shell}: the Gogo commands {@code methcla:status}, {@code methcla:tree}, {@code methcla:defs}
 * and {@code methcla:resources}, typed into the console of the built distribution while a client has made a group,
 * a synth and a buffer over OSC.
 */
public class ShellIT {

    private static final Path WORK = Path.of("target/shell-it").toAbsolutePath();
    private static final String P = "http://methc.la/plugins/";
    private static final String BUFFER = "http://methc.la/resources/AudioBuffer/v1";

    @Test
    public void theMethclaCommandsPrintTheEnginesState() throws Exception {
        Files.createDirectories(WORK);
        int port = Provisioning.freePort();
        Path log = WORK.resolve("methcla.log");
        Process engine = Launcher.startTyped(WORK, log, "--shell", "--port", Integer.toString(port), "--driver",
                "dummy");
        try (DatagramSocket udp = new DatagramSocket(); OutputStream console = engine.getOutputStream()) {
            Launcher.waitFor(log, "methcla ready udp 127.0.0.1:" + port, 20_000);
            udp.setSoTimeout(5000);
            for (byte[] m : List.of(message("/group/new", 1000, 0, 1),
                    message("/synth/new", P + "sine", 70000, 1000, 1, List.of(440f, 0.1f), List.of()),
                    message("/resource/new", BUFFER, 5, 2, 480), message("/sync", 1))) {
                udp.send(new DatagramPacket(m, m.length, InetAddress.getLoopbackAddress(), port));
            }
            byte[] reply = new byte[1024];
            while (true) {
                DatagramPacket p = new DatagramPacket(reply, reply.length);
                udp.receive(p);
                if ("/synced".equals(HandMadeOsc.address(java.util.Arrays.copyOf(reply, p.getLength())))) {
                    break;
                }
            }
            type(console, "methcla:status");
            Launcher.waitFor(log, "synths 1, groups 2, resources 1", 10_000);
            type(console, "methcla:tree");
            Launcher.waitFor(log, "group 0 (1 child)\n  group 1000 (1 child)\n    synth 70000 " + P + "sine", 10_000);
            type(console, "methcla:defs");
            Launcher.waitFor(log, P + "sine\n  freq  control input, default 440\n  amp   control input, default 1\n"
                    + "  out   audio output",
                    10_000);
            Launcher.waitFor(log, P + "record\n  buffer  resource output\n", 10_000);
            type(console, "methcla:resources");
            Launcher.waitFor(log, "id  state  holders  uri\n5  live  0  " + BUFFER, 10_000);
            type(console, "stop 0");
            assertTrue("the engine did not stop", engine.waitFor(20, TimeUnit.SECONDS));
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(out, !out.contains("Command not found") && !out.contains("Exception"));
        } finally {
            engine.destroyForcibly();
        }
    }

    private static void type(OutputStream console, String line) throws IOException {
        console.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        console.flush();
    }
}
