package la.methc.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Starts the distribution ({@code bin/methcla --driver dummy}) and times it until {@code /status} answers. */
final class ColdStart {

    private static final long LIMIT_MS = 30_000;

    private ColdStart() {
    }

    /** Returns the milliseconds from the process start to the first {@code /status.reply}. */
    static double measure(Path dist, int port) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(dist.resolve("bin/methcla").toString(), "--driver", "dummy", "--port",
                String.valueOf(port)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        try (OscClient client = new OscClient(port, m -> false)) {
            while (System.nanoTime() - t0 < LIMIT_MS * 1_000_000L) {
                try {
                    client.send(Osc.msg("/status"));
                    client.await(Reply.of("/status.reply"), 20);
                    double ms = (System.nanoTime() - t0) / 1e6;
                    client.send(Osc.msg("/quit"));
                    return ms;
                } catch (OscClient.NoReplyException | java.net.PortUnreachableException e) {
                    // not up yet
                }
            }
            throw new IOException("no /status.reply within " + LIMIT_MS + " ms");
        } finally {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
