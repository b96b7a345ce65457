package la.methc.bench;

import java.util.List;
import java.util.Locale;

/**
 * The side-by-side Markdown table: figure | Methcla/J | scsynth | supernova | ratio to each, the ratios defined so
 * that ≥ 1.0 means Methcla/J is better (theirs / Methcla/J for times, Methcla/J / theirs for counts and rates).
 * Rows of Methcla/J with N DSP threads (keys ending in {@code .threads}) are compared with the same figure of the
 * other servers; the supernova column is left out when it has no figure.
 */
final class ComparisonTable {

    /**
     * A row: the figure's key in {@link Results} (Methcla/J's), its label, whether a larger value is better, its
     * format, the other servers' key, and whether a ratio means anything.
     */
    record Row(String key, String label, boolean higherIsBetter, String format, String theirsKey, boolean ratio) {
        Row(String key, String label, boolean higherIsBetter, String format) {
            this(key, label, higherIsBetter, format, key, true);
        }
    }

    /** Keys of Methcla/J's figures measured again with N DSP threads end with this. */
    static final String THREADS = ".threads";

    /** The format of a share (see {@link #share}). */
    static final String SHARE = "share";

    static List<Row> rows(double seconds) {
        String s = seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
        return List.of(
                new Row("sync.p50", "`/sync` round trip p50 (ms)", false, "%.3f"),
                new Row("sync.p99", "`/sync` round trip p99 (ms)", false, "%.3f"),
                new Row("buffer.alloc.p50", "buffer allocation round trip p50 (ms)", false, "%.3f"),
                new Row("buffer.alloc.p99", "buffer allocation round trip p99 (ms)", false, "%.3f"),
                new Row("buffer.free.p50", "buffer free round trip p50 (ms)", false, "%.3f"),
                new Row("buffer.free.p99", "buffer free round trip p99 (ms)", false, "%.3f"),
                new Row("node.new.p50", "node creation round trip p50 (ms)", false, "%.3f"),
                new Row("node.new.p99", "node creation round trip p99 (ms)", false, "%.3f"),
                new Row("node.free.p50", "node free round trip p50 (ms)", false, "%.3f"),
                new Row("node.free.p99", "node free round trip p99 (ms)", false, "%.3f"),
                new Row("voices", "looping play voices sustained below 80% load", true, "%,.0f"),
                new Row("voices" + THREADS, "looping play voices below 80% load, Methcla/J with N DSP threads", true,
                        "%,.0f", "voices", true),
                new Row("dropout", "looping play voices with no more late blocks than a quiet window (dropout)", true,
                        "%,.0f"),
                new Row("dropout.cores", "load at the dropout figure (cores: all block threads)", false, "%.2f",
                        "dropout.cores", false),
                new Row("dropout.quiet", "late blocks in the quiet window (no voices)", false, "%,.0f",
                        "dropout.quiet", false),
                new Row("dropout" + THREADS, "dropout figure, Methcla/J with N DSP threads", true, "%,.0f", "dropout",
                        true),
                new Row("dropout.cores" + THREADS, "load at that figure, Methcla/J with N DSP threads (cores)", false,
                        "%.2f", "dropout.cores", false),
                new Row("dropout.quiet" + THREADS, "late blocks in its quiet window, Methcla/J with N DSP threads",
                        false, "%,.0f", "dropout.quiet", false),
                new Row("rtf.100", "offline real-time factor, 100 voices × " + s + " s", true, "%.1f"),
                new Row("rtf.1000", "offline real-time factor, 1,000 voices × " + s + " s", true, "%.1f"),
                new Row("rtf.render.100", "offline rendering speed (start-up excluded), 100 voices", true, "%.1f"),
                new Row("rtf.render.1000", "offline rendering speed (start-up excluded), 1,000 voices", true,
                        "%.1f"),
                new Row("control.rate", "control messages/s absorbed without late blocks", true, "%,.0f"),
                new Row("control.delivered", "control messages/s delivered (late blocks not counted)", true,
                        "%,.0f"),
                new Row("flood.burst.1000", "share of 1,000 queries in one TCP bundle answered (1.00: all)", true,
                        SHARE),
                new Row("flood.burst.6000", "share of 6,000 queries in one TCP bundle answered", true, SHARE),
                new Row("flood.burst.20000", "share of 20,000 queries in one TCP bundle answered", true, SHARE),
                new Row("flood.rate", "query answers/s sustained over TCP (at most 1,000 in flight)", true, "%,.0f"),
                new Row("flood.lost", "queries left unanswered in that run", false, "%,.0f"));
    }

    static String render(Results ours, Results theirs, double seconds, String header) {
        return render(ours, theirs, new Results(), seconds, header);
    }

    /** @param nova supernova's figures (none: no supernova columns) */
    static String render(Results ours, Results theirs, Results nova, double seconds, String header) {
        boolean withNova = nova.hasAny("");
        StringBuilder b = new StringBuilder();
        b.append(header).append("\n\n");
        if (withNova) {
            b.append("| figure | Methcla/J | scsynth | supernova | ratio to scsynth | ratio to supernova |\n");
            b.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        } else {
            b.append("| figure | Methcla/J | scsynth | ratio (≥ 1.0: Methcla/J better) |\n");
            b.append("| --- | ---: | ---: | ---: |\n");
        }
        for (Row r : rows(seconds)) {
            Results.Figure o = ours.get(r.key());
            Results.Figure t = theirs.get(r.theirsKey());
            Results.Figure n = nova.get(r.theirsKey());
            if (o == null && (r.key().endsWith(THREADS) || t == null && n == null)) {
                continue; // a figure this run did not measure (e.g. bench/compare.sh --flood-only)
            }
            b.append("| ").append(r.label()).append(" | ").append(cell(r, o)).append(" | ").append(cell(r, t));
            if (withNova) {
                b.append(" | ").append(cell(r, n));
            }
            b.append(" | ").append(ratio(r, o, t));
            if (withNova) {
                b.append(" | ").append(ratio(r, o, n));
            }
            b.append(" |\n");
        }
        b.append(notes(ours, theirs, nova));
        return b.toString();
    }

    private static String cell(Row r, Results.Figure f) {
        if (f == null) {
            return "n/a";
        }
        return r.format().equals(SHARE) ? share(f.value()) : String.format(Locale.ROOT, r.format(), f.value());
    }

    /**
     * A share (or a ratio of shares) that never rounds up to 1.00: 1.00 only when it is 1, 2 decimals rounded
     * down, 4 below 1 where 2 would show 0.99 or more (19,990 of 20,000 answered is 0.9995, not 1.00).
     */
    static String share(double v) {
        if (v == 1.0) {
            return "1.00";
        }
        double two = Math.floor(v * 100 + 1e-9) / 100; // 0.29 * 100 is 28.999…
        if (v < 1 && two >= 0.99) {
            return String.format(Locale.ROOT, "%.4f", Math.floor(v * 10_000 + 1e-9) / 10_000);
        }
        return String.format(Locale.ROOT, "%.2f", two);
    }

    static String ratio(Row r, Results.Figure ours, Results.Figure theirs) {
        if (ours == null || theirs == null || !r.ratio()) {
            return "n/a";
        }
        double num = r.higherIsBetter() ? ours.value() : theirs.value();
        double den = r.higherIsBetter() ? theirs.value() : ours.value();
        if (den == 0) {
            return num == 0 ? "n/a" : "∞";
        }
        return r.format().equals(SHARE) ? share(num / den) : String.format(Locale.ROOT, "%.2f", num / den);
    }

    private static String notes(Results ours, Results theirs, Results nova) {
        StringBuilder b = new StringBuilder("\n");
        b.append("Ratio: theirs / Methcla/J for times, Methcla/J / theirs for counts and rates, so ≥ 1.0 is in "
                + "Methcla/J's favour. All servers at 48 kHz with 64-frame blocks on UDP loopback (the flood: TCP), "
                + "measured one after the other by the same client code (bench/harness); Methcla/J on its `dummy` "
                + "driver, scsynth and supernova each on a `jackd -d dummy -r 48000 -p 64` of its own (with "
                + "`--no-realtime` unless the header says real-time priority); "
                + "supernova's voices in a parallel group (`/p_new`), with `-T` DSP threads (the cores).\n\n");
        b.append(!has(ours, theirs, "sync.", "buffer.", "node.") ? "" : ""
                + "- Round trips: each send waits a random time uniform within one block period first, so that the "
                + "block phase favours nobody; as many warm-up round trips as the three measured rounds together "
                + "come first and are not counted (a JVM server compiles its hot paths in its first seconds; measured "
                + "cold, Methcla/J's p99 is 2–3 ms); then three measured rounds, and each figure is the median of the "
                + "three rounds' percentiles, for both servers alike (a p99 moves by about 1 ms between runs on this "
                + "shared machine; the rounds' own p99s are listed below). The client is a JVM that compiles with C1 "
                + "only (its own C2 compilations put 0.5–1 ms into its p99), in a step of its own. Buffer: 1 channel × 48,000 frames, `/resource/new` → `/resource/ready` vs `/b_alloc` → `/done /b_alloc`, then `/resource/free` → "
                + "`/resource/destroyed` vs `/b_free` → `/done /b_free`. Node creation: one immediate bundle with the "
                + "commands that start a sine playing to output 0 (`/synth/new` + `/synth/map/output` + "
                + "`/synth/activate` vs `/s_new`) and `/sync`, to `/synced`; node free: `/node/free` → `/node/ended` "
                + "vs `/n_free` → `/n_end`.\n");
        b.append(!has(ours, theirs, "voices") ? "" : ""
                + "- Voices: looping 1-channel play voices (`http://methc.la/plugins/play` with cubic interpolation vs "
                + "a generated `PlayBuf.ar(1, …, loop: 1)` def, which interpolates cubically) at rates 1.001–1.05 on "
                + "one 48,000-frame buffer, added in steps (a step that reaches 80% load is taken back and tried again in "
                + "quarter steps, down to the search's smallest step); the figure is the most voices whose load stayed below 80%. "
                + "Load, the same measure for both: the share of one core used by the thread that computes the "
                + "blocks (Methcla/J's `methcla-rt`; scsynth's busiest thread, JACK's process thread), i.e. its CPU "
                + "time from /proc/PID/task/TID/schedstat over the wall-clock time of a 1.5 s window. The servers' own figures differ in kind (scsynth reports JACK's "
                + "DSP load, the slowest of every 32 cycles, wake-up delays included), and so do their late blocks; "
                + "those are listed below but do not decide. supernova: its busiest thread (JACK's process thread, "
                + "which computes too), below 80%, as for scsynth.\n");
        b.append(!has(ours, theirs, "dropout") && !nova.hasAny("dropout") ? "" : ""
                + "- Dropout, one rule for every server: the most looping play voices (as above) for which a window "
                + "(10 s; quick run: 2 s) has no more late blocks than a quiet window of the same length with no "
                + "voices, measured just before; the search starts at the 80% figure, climbs or steps down by a "
                + "quarter, then halves the gap between the last count that passed and the first that failed "
                + "(at most 8 windows; quick: 3). Late blocks: Methcla/J's are blocks computed later than real "
                + "time (`/status`'s lateBlocks); scsynth's and supernova's are jackd's `JackEngine::XRun` reports "
                + "(late cycles). Load in cores: the CPU time of all the threads that compute blocks over the "
                + "window's wall-clock time (Methcla/J: `methcla-rt` and `methcla-dsp…`; supernova: JACK's process "
                + "thread `Jack Helper` and its `DSP Thread`s; scsynth: its busiest thread).\n");
        b.append(!has(ours, theirs, "rtf.") ? "" : ""
                + "- Offline: the same score (a buffer, a recorded sine, N looping play voices) rendered by `methcla "
                + "render` and `scsynth -N … 48000 WAV float -z 64`; RTF = score seconds / wall time of the command "
                + "(Methcla/J's includes starting its JVM and Felix), the median of " + OfflineRender.ROUNDS
                + " renders for both servers, which take turns render by render (the notes list them all); "
                + "rendering speed = score seconds / (wall time - the renderer's fixed cost, the best of "
                + OfflineRender.ROUNDS + " renders of a " + OfflineRender.FIXED_SECONDS + " s score with 2 voices); "
                + "both outputs checked non-silent on both channels.\n");
        b.append(!has(ours, theirs, "control.") ? "" : ""
                + "- Control rate: `/node/set` vs `/n_set` to a running sine, one datagram each, in bursts at rising "
                + "rates (up to 3 attempts each). Delivered: the client reached the rate, `/synced` followed the "
                + "burst within 200 ms, no UDP datagram was dropped (/proc/net/snmp InErrors) and nothing was refused "
                + "or dropped (`/error`; scsynth's \"command FIFO full\"). Absorbed: delivered, and no more blocks "
                + "late than in a quiet window of the same length just before. "
                + "Late blocks are not the same measure for both: Methcla/J's lateBlocks are blocks computed slower "
                + "than real time; scsynth's are jackd's `JackEngine::XRun` reports, which include the delays in "
                + "waking its non-real-time thread on a busy machine, so its absorbed rate is pessimistic. A rate "
                + "the client itself cannot reach ends the ladder.\n");
        b.append(!has(ours, theirs, "flood.") ? "" : ""
                + "- Flood (over TCP, int32 big-endian size prefix, the same framing for both): buffer "
                + Flood.QUERIED + " (1 channel × 48,000 frames) is allocated, then queried: `/resource/query i:9` → "
                + "`/resource/info i:9 …` vs `/b_query 9` → `/b_info 9 …`. Bundles: one immediate bundle of N "
                + "queries on a new connection, then `/sync N` in a packet of its own; the answers are counted until "
                + "`/synced N` comes, the connection ends, or nothing comes for " + Flood.IDLE_MS / 1000 + " s; the "
                + "client decodes every reply as it comes, as client libraries do; 3 trials per size (quick: 2), "
                + "the figure is answered / sent over the trials (the notes give each trial and whether its "
                + "`/synced` came). Sustained (a client that counts the answers from their bytes, the fastest it "
                + "reads): one query per packet, "
                + "sent as fast as they are answered with at most 1,000 unanswered, for the run's time (10 s; quick: "
                + "2 s), then `/sync`; answers/s counts the answers within that time, and the queries left "
                + "unanswered are those sent minus those answered once `/synced` came (or nothing came for "
                + Flood.IDLE_MS / 1000 + " s). scsynth (3.13.0) sets no packet size limit over TCP (its "
                + "`SC_ComPort.cpp` allocates what the size prefix says; UDP is capped at 65,536 bytes); a bundle "
                + "is one entry of its 65,536-entry command FIFO, and each `/b_info` one entry of the FIFO from "
                + "its RT thread, whose overflow would drop replies silently.\n");
        for (String key : List.of("sync.p99", "buffer.alloc.p99", "buffer.free.p99", "node.new.p99", "node.free.p99",
                "voices", "voices.threads", "dropout", "dropout.threads", "control.delivered", "rtf.100", "rtf.1000", "rtf.render.100", "flood.burst.1000",
                "flood.burst.6000", "flood.burst.20000", "flood.rate")) {
            appendNote(b, "Methcla/J", key, ours.get(key));
            appendNote(b, "scsynth", key, theirs.get(key));
            appendNote(b, "supernova", key, nova.get(key));
        }
        return b.toString();
    }

    /** Whether either server has a figure whose key starts with one of {@code prefixes}. */
    private static boolean has(Results ours, Results theirs, String... prefixes) {
        for (String p : prefixes) {
            if (ours.hasAny(p) || theirs.hasAny(p)) {
                return true;
            }
        }
        return false;
    }

    private static void appendNote(StringBuilder b, String who, String key, Results.Figure f) {
        if (f != null && !f.note().isEmpty()) {
            b.append("- ").append(who).append(", ").append(key).append(": ").append(f.note()).append('\n');
        }
    }
}
