package la.methc.bench.soak;

import com.illposed.osc.OSCMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The soak: drives a running server (started by {@code bench/soak.sh}) for some minutes with Resource and node
 * lifecycles from a few UDP and TCP {@link Lane}s; at the end of every minute it holds the lanes between two
 * lifecycles, checks over OSC that the engine holds nothing ({@code /sync}, {@code /status}), reads the
 * server process ({@link ServerProbe}) and lets them go on. Prints one row a minute, then a table and a
 * {@link Verdict}; exits 1 when it failed.
 *
 * <pre>java -cp bench-harness.jar:lib/* la.methc.bench.soak.Soak --port P --pid PID [--minutes 10] [--udp 2]
 *     [--tcp 2] [--rate 1000] [--host 127.0.0.1]</pre>
 * {@code --rate}: lifecycles a minute per lane (Resource and node lifecycles alternate).
 */
public final class Soak {

    private static final long HOLD_TIMEOUT_MS = 30_000;
    private static final long JOIN_MS = 30_000;

    private final InetSocketAddress server;
    private final ServerProbe probe;
    private final int minutes;
    private final int udpLanes;
    private final int tcpLanes;
    private final int rate;
    private final Gate gate = new Gate();
    private final List<Lane> lanes = new ArrayList<>();
    private final List<OscLink> links = new ArrayList<>();
    private long[] previous = new long[5];
    private int syncs;

    private Soak(InetSocketAddress server, long pid, int minutes, int udpLanes, int tcpLanes, int rate) {
        this.server = server;
        this.probe = new ServerProbe(pid);
        this.minutes = minutes;
        this.udpLanes = udpLanes;
        this.tcpLanes = tcpLanes;
        this.rate = rate;
    }

    public static void main(String[] args) throws Exception {
        String host = "127.0.0.1";
        int port = -1;
        long pid = -1;
        int minutes = 10;
        int udp = 2;
        int tcp = 2;
        int rate = 1000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--host" -> host = v;
                case "--port" -> port = Integer.parseInt(v);
                case "--pid" -> pid = Long.parseLong(v);
                case "--minutes" -> minutes = Integer.parseInt(v);
                case "--udp" -> udp = Integer.parseInt(v);
                case "--tcp" -> tcp = Integer.parseInt(v);
                case "--rate" -> rate = Integer.parseInt(v);
                default -> usage("unknown option " + args[i]);
            }
        }
        if (port <= 0 || pid <= 0 || minutes < 1 || udp + tcp < 1 || rate < 1 || args.length % 2 != 0) {
            usage("--port and --pid are required; minutes, lanes and rate at least 1");
        }
        Soak soak = new Soak(new InetSocketAddress(InetAddress.getByName(host), port), pid, minutes, udp, tcp, rate);
        System.exit(soak.run() ? 0 : 1);
    }

    private static void usage(String why) {
        System.err.println("soak: " + why);
        System.err.println("usage: Soak --port P --pid PID [--minutes 10] [--udp 2] [--tcp 2] [--rate 1000] [--host H]");
        System.exit(2);
    }

    /** Runs the soak; true if it passed. */
    private boolean run() throws Exception {
        List<Sample> rows = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (OscLink control = OscLink.tcp("control", server)) {
            System.out.printf("soak: %d min, %d UDP and %d TCP lanes, %d lifecycles/min each, server pid %d on %s%n",
                    minutes, udpLanes, tcpLanes, rate, probe.pid(), server);
            System.out.println(Sample.header());
            Sample baseline = sample(control, 0);
            System.out.println(baseline.row() + "   (before the load)");
            startLanes();
            long t0 = System.nanoTime();
            for (int minute = 1; minute <= minutes; minute++) {
                long due = t0 + TimeUnit.MINUTES.toNanos(minute);
                while (System.nanoTime() < due && probe.alive()) {
                    TimeUnit.MILLISECONDS.sleep(Math.min(1000, Math.max(1, TimeUnit.NANOSECONDS.toMillis(due - System.nanoTime()))));
                }
                if (!probe.alive()) {
                    failures.add("the server process died in minute " + minute);
                    break;
                }
                if (!holdLanes()) {
                    failures.add("minute " + minute + ": the lanes did not reach a quiescent point within "
                            + HOLD_TIMEOUT_MS + " ms");
                }
                Sample s = sample(control, minute);
                rows.add(s);
                System.out.println(s.row());
                gate.open();
            }
            gate.stop();
            for (Lane l : lanes) {
                if (l.failure != null) {
                    failures.add("a lane stopped: " + l.failure);
                }
            }
        } finally {
            gate.stop();
            links.forEach(OscLink::close);
        }
        failures.addAll(Verdict.failures(rows));
        System.out.println();
        System.out.println("soak: per minute");
        System.out.println(Sample.header());
        rows.forEach(r -> System.out.println(r.row()));
        long res = rows.stream().mapToLong(Sample::resourceLifecycles).sum();
        long nodes = rows.stream().mapToLong(Sample::nodeLifecycles).sum();
        System.out.printf("soak: %d Resource and %d node lifecycles in %d minutes (%.0f a minute)%n", res, nodes,
                rows.size(), rows.isEmpty() ? 0.0 : (res + nodes) / (double) rows.size());
        for (Lane l : lanes) {
            l.problems.forEach(p -> System.out.println("  " + p));
        }
        if (failures.isEmpty()) {
            System.out.println("soak: PASS");
            return true;
        }
        failures.forEach(f -> System.out.println("soak: FAIL: " + f));
        return false;
    }

    private void startLanes() throws IOException {
        for (int i = 0; i < udpLanes + tcpLanes; i++) {
            boolean udp = i < udpLanes;
            String name = (udp ? "udp-" : "tcp-") + i;
            OscLink link = udp ? OscLink.udp(name, server) : OscLink.tcp(name, server);
            links.add(link);
            Lane lane = new Lane(i, link, gate, rate);
            lanes.add(lane);
            Thread t = new Thread(lane, "soak-" + name);
            t.setDaemon(true);
            t.start();
        }
    }

    /** Holds the lanes and waits until each is between two lifecycles. */
    private boolean holdLanes() throws InterruptedException {
        gate.hold();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HOLD_TIMEOUT_MS);
        while (System.nanoTime() < deadline) {
            if (lanes.stream().allMatch(l -> l.idle)) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        return false;
    }

    /** A row: the lanes' counters since the last row, /status after a /sync, the server process. */
    private Sample sample(OscLink control, int minute) throws IOException, InterruptedException {
        long[] now = {sum(l -> l.resourceLifecycles.get()), sum(l -> l.nodeLifecycles.get()),
            sum(l -> l.refusals.get()), sum(l -> l.errors.get()), sum(l -> l.lost.get())};
        long[] d = new long[now.length];
        for (int i = 0; i < now.length; i++) {
            d[i] = now[i] - previous[i];
        }
        previous = now;
        int id = ++syncs;
        control.send("/sync", id);
        long controlLost = control.await(m -> m.getAddress().equals("/synced") && m.getArguments().equals(List.of(id)),
                Lane.REPLY_MS) == null ? 1 : 0;
        control.send("/status");
        OSCMessage status = control.await(m -> m.getAddress().equals("/status.reply"), Lane.REPLY_MS);
        List<Object> a = status == null ? List.of(-1, -1, -1, 0f, 0f, -1) : status.getArguments();
        long heap = probe.heapAfterGcKiB();
        return new Sample(minute, d[0], d[1], d[2], d[3], d[4] + controlLost + (status == null ? 1 : 0),
                (Integer) a.get(0), (Integer) a.get(1), (Integer) a.get(2), (Integer) a.get(5), heap, probe.rssKiB(),
                probe.threads());
    }

    private long sum(java.util.function.ToLongFunction<Lane> f) {
        return lanes.stream().mapToLong(f).sum();
    }
}
