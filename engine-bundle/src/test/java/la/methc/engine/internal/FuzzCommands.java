package la.methc.engine.internal;

import com.illposed.osc.OSCMessage;
import com.illposed.osc.argument.OSCTimeTag64;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import la.methc.osc.OscFuzzer;

/**
 * Well-formed requests over the whole built-in OSC API (and a few plugin and unknown addresses) for the fuzzer:
 * ids mostly in range so that state changes, now and then out of range; the test SynthDefs and ResourceDef of
 * {@link TestSynths} and {@link TestResources}, with absurd arguments among the sane ones. Bundles are timed now,
 * in the past, or at most {@value #MAX_AHEAD_MS} ms ahead, so nothing is left scheduled when the fuzzing stops.
 * Never {@code /quit}.
 */
final class FuzzCommands implements OscFuzzer.Corpus {

    static final int MAX_AHEAD_MS = 20;
    /** Seconds between the NTP epoch (1900) and the Unix epoch. */
    private static final long NTP_UNIX_SECONDS = 2_208_988_800L;
    private static final String[] SYNTHS = {TestSynths.SINE, TestSynths.CONST, TestSynths.DONE, TestSynths.HOLDER,
        "test:nope", ""};
    private static final String[] MODES = {"ok", "ok", "ok", "null", "throw", "slow", "?"};
    private static final String[] BAD_PATHS = {"../../etc/passwd", "/etc/passwd", "", "a\0b", "x".repeat(300)};
    private static final int[] ABSURD = {Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 1 << 30, 0};

    private final int maxNodes;
    private final int maxResources;

    FuzzCommands(int maxNodes, int maxResources) {
        this.maxNodes = maxNodes;
        this.maxResources = maxResources;
    }

    /** Now, long ago, or up to {@value #MAX_AHEAD_MS} ms ahead. */
    @Override
    public OSCTimeTag64 time(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> OSCTimeTag64.valueOf(1L << 32); // 1900-01-01T00:00:01: long past, runs at once
            case 1 -> ntp(System.currentTimeMillis() + r.nextInt(MAX_AHEAD_MS + 1));
            default -> OSCTimeTag64.IMMEDIATE;
        };
    }

    private static OSCTimeTag64 ntp(long unixMillis) {
        long seconds = unixMillis / 1000 + NTP_UNIX_SECONDS;
        long fraction = ((unixMillis % 1000) << 32) / 1000;
        return OSCTimeTag64.valueOf(seconds << 32 | fraction);
    }

    @Override
    public OSCMessage message(Random r) {
        return switch (r.nextInt(20)) {
            case 0 -> msg("/group/new", node(r), target(r), action(r));
            case 1 -> msg("/group/freeAll", r.nextInt(4) == 0 ? 0 : node(r));
            case 2, 3 -> msg("/node/free", node(r));
            case 4, 5 -> newSynth(r);
            case 6 -> msg("/synth/activate", node(r));
            case 7 -> msg(r.nextBoolean() ? "/synth/map/input" : "/synth/map/output", node(r), r.nextInt(3),
                    r.nextInt(20) - 1, r.nextInt(9));
            case 8 -> msg("/synth/property/doneFlags/set", node(r), r.nextInt(70));
            case 9 -> r.nextBoolean() ? msg("/node/set", node(r), r.nextInt(4), r.nextFloat() * 1000)
                    : msg("/node/set", node(r), r.nextInt(4), resource(r));
            case 10, 11 -> newResource(r);
            case 12 -> msg("/resource/free", resource(r));
            case 13 -> msg("/resource/query", resource(r));
            case 14 -> msg("/notify", r.nextInt(2));
            case 15 -> msg("/sync", r.nextInt(1000));
            case 16 -> msg("/status");
            case 17 -> msg("/version");
            case 18 -> msg("/buffer/read", resource(r), BAD_PATHS[r.nextInt(BAD_PATHS.length)]);
            default -> msg("/nope/" + r.nextInt(10), r.nextInt());
        };
    }

    private OSCMessage newSynth(Random r) {
        String uri = SYNTHS[r.nextInt(SYNTHS.length)];
        List<Object> controls = new ArrayList<>();
        for (int n = r.nextInt(4); n > 0; n--) {
            controls.add(r.nextFloat() * 1000);
        }
        List<Object> options = new ArrayList<>();
        if (uri.equals(TestSynths.DONE)) {
            options.add(r.nextInt(10) == 0 ? ABSURD[r.nextInt(ABSURD.length)] : 1 + r.nextInt(200));
        } else if (uri.equals(TestSynths.HOLDER)) {
            options.add(resource(r));
            options.add(r.nextInt(4));
        }
        return msg("/synth/new", uri, node(r), target(r), action(r), controls, options);
    }

    /** {@code /resource/new} of {@link TestResources#URI} (or an unknown def) with sane or absurd arguments. */
    private OSCMessage newResource(Random r) {
        String uri = r.nextInt(10) == 0 ? "test:nope" : TestResources.URI;
        List<Object> args = new ArrayList<>(List.of(uri, resource(r)));
        switch (r.nextInt(6)) {
            case 0 -> args.addAll(List.of(1, ABSURD[r.nextInt(ABSURD.length)])); // channels, frames of 2^31 and so
            case 1 -> args.addAll(List.of(Float.NaN, 1L << 40, Double.POSITIVE_INFINITY));
            case 2 -> args.add(ByteBuffer.wrap(new byte[r.nextInt(64)]));
            default -> {
                args.add(r.nextFloat());
                args.add(MODES[r.nextInt(MODES.length)]);
            }
        }
        return new OSCMessage("/resource/new", args);
    }

    /** A node id: mostly 1..maxNodes-1, sometimes the root, maxNodes itself or an absurd (e.g. negative) one. */
    private int node(Random r) {
        return switch (r.nextInt(20)) {
            case 0 -> 0;
            case 1 -> ABSURD[r.nextInt(ABSURD.length)];
            case 2 -> maxNodes;
            default -> 1 + r.nextInt(maxNodes - 1);
        };
    }

    private int target(Random r) {
        return r.nextInt(3) == 0 ? 0 : node(r);
    }

    private static int action(Random r) {
        return r.nextInt(10) == 0 ? r.nextInt(10) - 2 : r.nextInt(4);
    }

    private int resource(Random r) {
        return r.nextInt(20) == 0 ? ABSURD[r.nextInt(ABSURD.length)] : r.nextInt(maxResources);
    }

    private static OSCMessage msg(String address, Object... args) {
        return new OSCMessage(address, new ArrayList<>(List.of(args)));
    }
}
