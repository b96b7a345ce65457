package la.methc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The side-by-side run's steps, one server at a time (bench/compare.sh starts and stops the servers):
 * <pre>
 *   round-trips --server methcla|scsynth|supernova --port P --out FILE [--quick] [--methcla BIN]
 *           [--scsynth BIN --jack-log FILE --scsynth-log FILE] [--supernova BIN]
 *           the /sync, buffer and node round trips against a running server; figures appended to FILE.
 *           bench/harness.sh runs this step on a JVM that compiles with C1 only (see there)
 *   online  --server methcla|scsynth --port P --out FILE [--quick] [--pid PID] [--methcla BIN]
 *           [--scsynth BIN --jack-log FILE --scsynth-log FILE]
 *           [--suffix S --label L]
 *           control rate, voices (80% load) and the dropout figure against a running server
 *           (supernova: --server supernova --supernova BIN); figures appended to FILE
 *   voices-dropout  the same options as online: the voices and the dropout figure alone; keys end with S (e.g.
 *           {@code .threads}, Methcla/J again with N DSP threads)
 *   offline --server methcla|scsynth|both --out FILE [--theirs FILE] --work DIR [--seconds S] [--methcla BIN]
 *           [--scsynth BIN]
 *           offline real-time factor with 100 and 1,000 voices; figures appended to FILE (both: Methcla/J's to
 *           FILE, scsynth's to --theirs, the two renderers taking turns render by render)
 *   flood   --server methcla|scsynth --port P [--out FILE] [--quick] [--seconds S] [--window W] [--sizes N,N,…]
 *           [--trials T]
 *           figure g against a running server (TCP on port P, setting up over UDP on the same port): the share of
 *           queries answered in one TCP bundle of each size (default 1,000, 6,000, 20,000; T trials each, default
 *           3, --quick 2) and the answers per second sustained for S s (default 10; --quick 2) with at most W
 *           (1,000) unanswered; figures printed, and appended to FILE if given
 *   table   --ours FILE [--theirs FILE] [--supernova-figures FILE] --seconds S --header TEXT --out FILE.md
 *           the Markdown table (also printed)
 * </pre>
 */
final class Compare {

    private Compare() {
    }

    static void main(String command, String[] argv) throws Exception {
        Args a = new Args(argv, 1, Set.of("quick"));
        switch (command) {
            case "round-trips" -> roundTrips(a);
            case "online" -> online(a);
            case "voices-dropout" -> voicesOnly(a);
            case "offline" -> offline(a);
            case "flood" -> flood(a);
            case "table" -> table(a);
            default -> throw new IllegalArgumentException("unknown command " + command);
        }
    }

    static ServerUnderTest server(Args a) {
        return switch (a.get("server")) {
            case "methcla" -> methcla(a);
            case "scsynth" -> scsynth(a);
            case "supernova" -> new SupernovaServer(Path.of(a.get("supernova", "supernova")),
                    Path.of(a.get("jack-log", "/dev/null")), Path.of(a.get("scsynth-log", "/dev/null")));
            default -> throw new IllegalArgumentException("--server methcla, scsynth or supernova");
        };
    }

    private static ServerUnderTest methcla(Args a) {
        return new MethclaServer(Path.of(a.get("methcla", "distribution/target/methcla/bin/methcla")));
    }

    private static ServerUnderTest scsynth(Args a) {
        return new ScsynthServer(Path.of(a.get("scsynth", "scsynth")), Path.of(a.get("jack-log", "/dev/null")),
                Path.of(a.get("scsynth-log", "/dev/null")));
    }

    private static void roundTrips(Args a) throws IOException, InterruptedException {
        boolean quick = a.flag("quick");
        ServerUnderTest server = server(a);
        Results results = new Results();
        try (Session s = new Session(server, a.integer("port"))) {
            s.connect(30_000);
            // three measured rounds, the median of their percentiles: a p99 moves by about 1 ms between runs on a
            // shared 2-core machine, when some other work happens to run during part of one
            int rounds = quick ? 1 : 3;
            RoundTrips rt = new RoundTrips(s, results, rounds);
            // as many warm-up round trips as all measured ones: a server on a JVM compiles its hot paths in its first
            // seconds (a long-running server is past that; with one round's worth, a fresh Methcla/J still compiled
            // during the first node rounds); scsynth and supernova, compiled ahead of time, lose nothing by it
            int syncs = quick ? 300 : 2000;
            int pairs = quick ? 100 : 1000;
            System.out.println(server.name() + ": /sync round trips");
            rt.sync(syncs, rounds * syncs);
            System.out.println(server.name() + ": buffer round trips");
            rt.buffers(pairs, rounds * pairs);
            System.out.println(server.name() + ": node round trips");
            rt.nodes(pairs, rounds * pairs);
        }
        results.appendTo(a.path("out"));
    }

    private static void online(Args a) throws IOException, InterruptedException {
        boolean quick = a.flag("quick");
        if (!a.get("suffix", "").isEmpty()) {
            throw new IllegalArgumentException("--suffix is for the voices step only");
        }
        ServerUnderTest server = server(a);
        Results results = new Results();
        try (Session s = new Session(server, a.integer("port"))) {
            s.connect(30_000);
            System.out.println(server.name() + ": control messages per second");
            new ControlRate(s, results).run(quick ? ControlRate.QUICK_LADDER : ControlRate.LADDER, quick ? 1000 : 2000);
            voices(s, a, results);
        }
        results.appendTo(a.path("out"));
    }

    /** The voices alone: the 80% load figure and the dropout figure (e.g. Methcla/J again with other options). */
    private static void voicesOnly(Args a) throws IOException, InterruptedException {
        Results results = new Results();
        try (Session s = new Session(server(a), a.integer("port"))) {
            s.connect(30_000);
            voices(s, a, results);
        }
        results.appendTo(a.path("out"));
    }

    /**
     * The 80% load figure ({@code voices}), then the dropout figure from it ({@code dropout}, with
     * {@code dropout.quiet}, the quiet window's late blocks, and {@code dropout.cores}, the load at the figure in
     * cores); every key ends with {@code --suffix} when given (e.g. {@code .threads}: Methcla/J with N DSP threads).
     */
    private static void voices(Session s, Args a, Results results) throws IOException, InterruptedException {
        boolean quick = a.flag("quick");
        String suffix = a.get("suffix", "");
        String label = s.server.name() + (a.get("label", "").isEmpty() ? "" : " (" + a.get("label") + ")");
        long pid = a.get("pid", "").isEmpty() ? -1 : Long.parseLong(a.get("pid"));
        System.out.println(label + ": looping play voices below 80% load");
        ThreadCpu busiest = pid < 0 ? null : new ThreadCpu(pid, s.server.blockThread());
        VoiceSearch.Outcome o = new VoiceSearch(s, quick ? VoiceSearch.Plan.QUICK : VoiceSearch.Plan.NORMAL, busiest)
                .run();
        results.put("voices" + suffix, o.count(), String.format("load %.2f; %s%s", o.load(), o.end(),
                o.withLate().isEmpty() ? "" : "; late blocks (not a criterion) at " + o.withLate()));
        DropoutSearch.Plan plan = quick ? DropoutSearch.Plan.QUICK : DropoutSearch.Plan.NORMAL;
        System.out.println(label + ": looping play voices without more late blocks than a quiet "
                + plan.windowMs() / 1000.0 + " s window");
        ThreadCpu all = pid < 0 ? null : new ThreadCpu(pid, s.server.dspThreads());
        DropoutSearch.Outcome d;
        try {
            d = new DropoutSearch(s, plan, all).run(o.count());
        } catch (IOException e) {
            // the load figure stands; the dropout figure is left out, and why is said (e.g. the server ended)
            System.out.println(label + ": the dropout search failed: " + e);
            results.put("voices" + suffix, o.count(), String.format("load %.2f; %s; the dropout search then failed: %s",
                    o.load(), o.end(), e));
            return;
        }
        results.put("dropout" + suffix, d.count(), d.windows());
        results.put("dropout.quiet" + suffix, d.quietLate(), "late blocks in the quiet window");
        results.put("dropout.cores" + suffix, d.cores(), d.count() == 0 ? "no count passed: the quiet window's load"
                : d.late() + " late blocks at the figure");
    }

    private static void flood(Args a) throws IOException, InterruptedException {
        boolean quick = a.flag("quick");
        ServerUnderTest server = server(a);
        double seconds = Double.parseDouble(a.get("seconds", quick ? "2" : "10"));
        int window = Integer.parseInt(a.get("window", String.valueOf(Flood.WINDOW)));
        int trials = Integer.parseInt(a.get("trials", quick ? "2" : String.valueOf(Flood.TRIALS)));
        int[] sizes = a.get("sizes", "").isEmpty() ? Flood.SIZES : Flood.sizes(a.get("sizes"));
        if (seconds <= 0 || window < 1 || trials < 1) {
            throw new IllegalArgumentException("--seconds, --window and --trials must be positive");
        }
        Results results = new Results();
        try (Session s = new Session(server, a.integer("port"))) {
            try {
                s.connect(30_000);
            } catch (IOException e) {
                throw new IOException(e.getMessage() + " over UDP (the flood sets up over UDP and floods over TCP, "
                        + "both on port " + s.port + ": scsynth -u " + s.port + " -t " + s.port + ")", e);
            }
            System.out.println(server.name() + ": a flood of buffer queries over TCP");
            new Flood(s, results).run(sizes, trials, seconds, window);
        }
        if (!a.get("out", "").isEmpty()) {
            results.appendTo(a.path("out"));
        }
    }

    private static void offline(Args a) throws IOException, InterruptedException {
        boolean both = a.get("server").equals("both");
        List<ServerUnderTest> servers = both ? List.of(methcla(a), scsynth(a)) : List.of(server(a));
        List<Path> outs = both ? List.of(a.path("out"), a.path("theirs")) : List.of(a.path("out"));
        double seconds = Double.parseDouble(a.get("seconds", "60"));
        List<OfflineRender> renderers = new ArrayList<>();
        List<Results> results = new ArrayList<>();
        for (ServerUnderTest server : servers) {
            renderers.add(new OfflineRender(server, a.path("work")));
            results.add(new Results());
        }
        List<List<OfflineRender.Run>> small = OfflineRender.takingTurns(renderers, 2, OfflineRender.FIXED_SECONDS);
        double[] fixed = new double[servers.size()];
        for (int k = 0; k < servers.size(); k++) {
            fixed[k] = OfflineRender.fixedCost(small.get(k));
            System.out.printf("%s: the renderer's fixed cost (start-up, shutdown) %.2f s%n", servers.get(k).name(),
                    fixed[k]);
        }
        for (int voices : List.of(100, 1000)) {
            System.out.println("offline renders, " + voices + " voices × " + seconds + " s, taking turns");
            List<List<OfflineRender.Run>> runs = OfflineRender.takingTurns(renderers, voices, seconds);
            for (int k = 0; k < servers.size(); k++) {
                OfflineRender.Outcome o = OfflineRender.outcome(runs.get(k), seconds, fixed[k]);
                results.get(k).put("rtf." + voices, o.rtf(), o.said());
                results.get(k).put("rtf.render." + voices, o.rendering(), String.format("fixed cost %.2f s", fixed[k]));
            }
        }
        for (int k = 0; k < servers.size(); k++) {
            results.get(k).appendTo(outs.get(k));
        }
    }

    private static void table(Args a) throws IOException {
        Results ours = Results.read(a.path("ours"));
        Results theirs = Results.read(a.get("theirs", "").isEmpty() ? null : a.path("theirs"));
        Results nova = Results.read(a.get("supernova-figures", "").isEmpty() ? null : a.path("supernova-figures"));
        String md = ComparisonTable.render(ours, theirs, nova, Double.parseDouble(a.get("seconds")),
                a.get("header"));
        Files.writeString(a.path("out"), md, StandardCharsets.UTF_8);
        System.out.print(md);
    }
}
