package la.methc.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * The harness's command line: {@code java -cp bench-harness.jar:lib/* la.methc.bench.Main COMMAND …}. Every
 * server it talks to is on 127.0.0.1.
 */
public final class Main {

    private static final String USAGE = """
            usage: Main COMMAND ...
              round-trips|online|voices-dropout|offline|flood|table ...
                                              the side-by-side table against scsynth and supernova
                                              (bench/compare.sh; voices-dropout: the 80% load voices and
                                              the dropout figure alone, --server methcla|scsynth|supernova)
              flood --port P [--server methcla|scsynth] [--seconds S] [--window W] [--sizes N,N,...]
                    [--trials T] [--quick]    queries over TCP to a running server (Methcla/J unless --server):
                                              the share answered of one bundle of 1,000, 6,000 and 20,000 (3
                                              trials each), then the answers/s sustained for 10 s (--quick: 2
                                              trials, 2 s) with 1,000 in flight
              sync PORT COUNT                 /sync round trips to a running Methcla/J: p50, p99
              resource PORT COUNT             /resource/new (AudioBuffer 1 x 48,000) -> /resource/ready and
                                              /resource/free -> /resource/destroyed round trips: p50, p99
              control PORT [BURST_MS [RATE ...]]
                                              /node/set bursts at each RATE (default 100000 200000; 2000 ms
                                              bursts) to a running Methcla/J, as the side-by-side run sends them
              voices PORT [MAX [PID]]         looping play voices sustained below 80% load (PID: measure the load
                                              from /proc as the side-by-side run does, else the engine's avgLoad)
              chains --port P [--pid PID] [--max N] [--buses B] [--quick] [--parallel] [--no-delay]
                                              noise -> filter -> delay -> pan chains sustained below 80% load,
                                              searched as the voices are (B: the engine's internal buses,
                                              methcla.internalBuses, default 128; chains share them when
                                              fewer than 3 per chain; N default 4000; --parallel: each
                                              chain a group in a parallel group; the load column is
                                              methcla-rt's share of a core, "cores" all DSP threads;
                                              --no-delay: noise -> filter -> pan, all isolated)
              chain-cost [CHAINS [BLOCKS [THREADS [parallel] [no-delay]]]]
                                              CHAINS chains (default 1000) in an engine on this thread: CPU time
                                              per block over BLOCKS (default 3000) after as many warm-up ones,
                                              and the chains that would fit in 80% of a block (THREADS
                                              render threads, default 1; parallel: in a parallel group)
              coldstart DIST PORT             start DIST/bin/methcla --driver dummy, time until /status answers
              sine-score OUT.osc SYNTHS SECONDS
                                              a score of SYNTHS sines playing for SECONDS
              voice-score OUT.osc VOICES SECONDS
                                              a score that records a sine into an AudioBuffer and plays it with
                                              VOICES looping play voices for SECONDS
            """;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "" : args[0];
        try {
            switch (command) {
                case "round-trips", "online", "voices-dropout", "offline", "table" -> Compare.main(command, args);
                case "flood" -> Compare.main(command, withDefaultServer(args));
                case "sync", "resource" -> roundTrips(command, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
                case "control" -> control(Integer.parseInt(args[1]), args);
                case "voices" -> voices(Integer.parseInt(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : VoiceSearch.MAX_VOICES,
                        args.length > 3 ? new ThreadCpu(Long.parseLong(args[3]), "methcla-rt") : null);
                case "chains" -> chains(new Args(args, 1, java.util.Set.of("quick", "parallel", "no-delay")));
                case "chain-cost" -> {
                    int chains = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
                    int blocks = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
                    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
                    List<String> how = java.util.Arrays.asList(args).subList(Math.min(4, args.length), args.length);
                    ChainCost.run(chains, blocks, blocks, threads,
                            new Chains(3 * chains, how.contains("parallel"), !how.contains("no-delay")));
                }
                case "coldstart" -> System.out.printf("cold start to /status.reply: %.0f ms%n",
                        ColdStart.measure(Path.of(args[1]), Integer.parseInt(args[2])));
                case "sine-score" -> {
                    SineScore.write(Path.of(args[1]), Integer.parseInt(args[2]), Double.parseDouble(args[3]));
                    System.out.printf("wrote %s: %s sines for %s s%n", args[1], args[2], args[3]);
                }
                case "voice-score" -> {
                    OfflineRender.writeScore(new MethclaServer(Path.of("methcla")), Path.of(args[1]),
                            Integer.parseInt(args[2]), Double.parseDouble(args[3]));
                    System.out.printf("wrote %s: %s looping play voices for %s s%n", args[1], args[2], args[3]);
                }
                default -> usage();
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            System.err.println("bench: " + e.getMessage());
            usage();
        }
    }

    /** {@code flood} alone talks to Methcla/J unless {@code --server} says otherwise. */
    private static String[] withDefaultServer(String[] args) {
        if (java.util.Arrays.asList(args).contains("--server")) {
            return args;
        }
        String[] with = java.util.Arrays.copyOf(args, args.length + 2);
        with[args.length] = "--server";
        with[args.length + 1] = "methcla";
        return with;
    }

    private static void usage() {
        System.err.print(USAGE);
        System.exit(2);
    }

    private static void roundTrips(String command, int port, int count) throws Exception {
        Results results = new Results();
        try (Session s = new Session(new MethclaServer(Path.of("methcla")), port)) {
            s.connect(10_000);
            RoundTrips rt = new RoundTrips(s, results, 1);
            int warmup = Math.min(200, count / 10);
            if (command.equals("sync")) {
                rt.sync(count, warmup);
            } else {
                rt.buffers(count, warmup);
            }
        }
    }

    private static void control(int port, String[] args) throws Exception {
        long burstMs = args.length > 2 ? Long.parseLong(args[2]) : 2000;
        int[] rates = args.length > 3
                ? java.util.Arrays.stream(args, 3, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {100_000, 200_000};
        Results results = new Results();
        try (Session s = new Session(new MethclaServer(Path.of("methcla")), port)) {
            s.connect(10_000);
            new ControlRate(s, results).run(rates, burstMs);
        }
    }

    private static void chains(Args a) throws Exception {
        VoiceSearch.Plan base = a.flag("quick") ? VoiceSearch.Plan.QUICK : VoiceSearch.Plan.NORMAL;
        VoiceSearch.Plan plan = new VoiceSearch.Plan(Integer.parseInt(a.get("max", "4000")), base.firstStep(),
                base.minStep(), base.settleMs(), base.windowMs(), base.deadlineMs());
        // the block thread decides (its share of a core); the DSP helpers count in the cores column
        ThreadCpu cpu = a.get("pid", "").isEmpty() ? null
                : new ThreadCpu(Long.parseLong(a.get("pid")), List.of("methcla-rt", "methcla-dsp"));
        Chains chains = new Chains(Integer.parseInt(a.get("buses", "128")), a.flag("parallel"), !a.flag("no-delay"));
        try (Session s = new Session(new MethclaServer(Path.of("methcla")), a.integer("port"))) {
            s.connect(10_000);
            VoiceSearch.Outcome o = new VoiceSearch(s, plan, cpu, chains).run();
            String what = a.flag("no-delay") ? "filter + pan" : "filter + delay + pan";
            System.out.printf("%s chains sustained below 80%% load: %d (load %.3f; %s)%s%n", what,
                    o.count(), o.load(), o.end(), o.behind().isEmpty() ? ""
                            : "; not valid: the engine fell behind real time at passing steps " + o.behind());
        }
    }

    private static void voices(int port, int max, ThreadCpu cpu) throws Exception {
        VoiceSearch.Plan normal = VoiceSearch.Plan.NORMAL;
        VoiceSearch.Plan plan = new VoiceSearch.Plan(max, normal.firstStep(), normal.minStep(), normal.settleMs(),
                normal.windowMs(), normal.deadlineMs());
        try (Session s = new Session(new MethclaServer(Path.of("methcla")), port)) {
            s.connect(10_000);
            VoiceSearch.Outcome o = new VoiceSearch(s, plan, cpu).run();
            System.out.printf("play voices sustained below 80%% load: %d (load %.3f; %s)%n", o.count(), o.load(),
                    o.end());
        }
    }
}
