package la.methc.bench;

import com.illposed.osc.OSCMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Filter + delay + pan chains, as a client builds them over OSC (docs/plugins.md, docs/osc-api.md): per chain a
 * white noise into an internal bus, a lowpass filter from it into a second bus, a delay with a line of its own (an
 * AudioBuffer made with {@code /resource/new} before the chain starts) into a third, and an equal-power pan from it
 * into hardware outputs 0 and 1. The four synths go to the tail of one group in that order, so that each reads what
 * the one before wrote in the same block; they are activated together.
 *
 * <p>Buses: chain {@code i} writes the triple {@code i mod (buses / 3)} of the engine's internal buses (see
 * {@link #route}), so with {@code buses} at least three times the chains every chain has buses of its own, as a
 * client that allocates buses gives them. Every internal write has the replace flag: when chains do share a triple,
 * each reads its own signal only (Methcla's first writer of a block replaces, later ones mix unless they replace).
 * Methcla/J only.
 *
 * <p>Parallel ({@code chains --parallel}): the chains' group is a parallel group ({@code /group/new … i:1}), each
 * chain a group of its own in it (one node id before its four synths), so that the DSP threads may run the chains
 * side by side.
 */
final class Chains implements Units {

    static final String NOISE = "http://methc.la/plugins/noise";
    static final String FILTER = "http://methc.la/plugins/filter";
    static final String DELAY = "http://methc.la/plugins/delay";
    static final String PAN = "http://methc.la/plugins/pan";
    static final int GROUP = 1;
    static final int FIRST_NODE = 10;
    /** The delay line of chain {@code i} is Resource {@code FIRST_LINE + i}. */
    static final int FIRST_LINE = 0;
    /** Each line holds 0.125 s at 48 kHz, a little more than the delay time. */
    static final int LINE_FRAMES = 6000;
    static final float AMP = 0.05f;
    static final float CUTOFF = 2000f;
    static final float Q = 0.707f;
    static final int LOWPASS = 0;
    static final float TIME = 0.1f;
    static final float FEEDBACK = 0.4f;
    static final float MIX = 0.3f;
    /** {@code /synth/map/…} flags (docs/osc-api.md). */
    static final int EXTERNAL = 1;
    static final int REPLACE = 4;
    private static final int TAIL = 1;
    static final int SYNTHS = 4;

    /** The internal buses chain {@code i} writes: the noise's, the filter's and the delay's output. */
    record Route(int noise, int filtered, int delayed) {
    }

    private final int buses;
    private final boolean parallel;
    /** False: noise -> filter -> pan, three isolated synths (the delay is not isolated: it writes its line). */
    private final boolean delay;
    /** The first node id of the chain at each place. */
    private final List<Integer> firstIds = new ArrayList<>();
    private int nextId = FIRST_NODE;
    /** How many lines were made: a place taken back keeps its line for the next chain there. */
    private int lines;

    /** @param buses how many internal buses the engine has ({@code methcla.internalBuses}, at least 3) */
    Chains(int buses) {
        this(buses, false);
    }

    /** @param parallel each chain a group of its own in a parallel group */
    Chains(int buses, boolean parallel) {
        this(buses, parallel, true);
    }

    /** @param delay false: chains without the delay (noise -> filter -> pan) */
    Chains(int buses, boolean parallel, boolean delay) {
        this.parallel = parallel;
        this.delay = delay;
        if (buses < 3) {
            throw new IllegalArgumentException("a chain needs 3 internal buses, the engine has " + buses);
        }
        this.buses = buses;
    }

    /** The buses of chain {@code chain}: triples in order, from the first again once all are given. */
    static Route route(int chain, int buses) {
        int first = chain % (buses / 3) * 3;
        return new Route(first, first + 1, first + 2);
    }

    /** Pan positions spread over −0.8 … 0.8 by chain. */
    static float pos(int chain) {
        return (chain % 9 - 4) / 5f;
    }

    @Override
    public String name() {
        return "chains";
    }

    @Override
    public int synthsEach() {
        return delay ? SYNTHS : SYNTHS - 1;
    }

    @Override
    public void setUp(Session s) throws IOException {
        s.run("the chains' group", List.of(group()));
    }

    /** The chains' group: {@code /group/new i:1 i:0 i:1}, with {@code i:1} after it when parallel. */
    OSCMessage group() {
        return parallel ? Osc.msg("/group/new", GROUP, 0, TAIL, 1) : Osc.msg("/group/new", GROUP, 0, TAIL);
    }

    /** The chain's delay line, made once per place. */
    @Override
    public List<OSCMessage> prepare(int place) {
        if (place < lines || !delay) {
            return List.of();
        }
        lines = place + 1;
        return List.of(Osc.msg("/resource/new", MethclaServer.AUDIO_BUFFER, FIRST_LINE + place, 1, LINE_FRAMES));
    }

    @Override
    public List<OSCMessage> start(int place) {
        int first = nextId;
        nextId += SYNTHS + (parallel ? 1 : 0);
        firstIds.add(first);
        if (!parallel) {
            return chain(place, first, route(place, buses), GROUP, delay);
        }
        List<OSCMessage> in = new ArrayList<>(List.of(Osc.msg("/group/new", first, GROUP, TAIL)));
        in.addAll(chain(place, first + 1, route(place, buses), first, delay));
        return in;
    }

    /**
     * The messages that start chain {@code chain} on nodes {@code first} to {@code first + 3}, its line already
     * made: its synths (noise seeded with the chain's number, so a chain's sound is repeatable), their buses, their
     * activation.
     */
    static List<OSCMessage> chain(int chain, int first, Route r) {
        return chain(chain, first, r, GROUP, true);
    }

    /** The same in group {@code group}; without the delay ({@code delay} false), the pan reads the filter. */
    static List<OSCMessage> chain(int chain, int first, Route r, int group, boolean withDelay) {
        int noise = first;
        int filter = first + 1;
        int delay = first + 2;
        int pan = first + 3;
        List<OSCMessage> all = List.of(
                Osc.msg("/synth/new", NOISE, noise, group, TAIL, Osc.list(AMP), Osc.list(chain)),
                Osc.msg("/synth/map/output", noise, 0, r.noise(), REPLACE),
                Osc.msg("/synth/new", FILTER, filter, group, TAIL, Osc.list(CUTOFF, Q), Osc.list(LOWPASS)),
                Osc.msg("/synth/map/input", filter, 0, r.noise(), 0),
                Osc.msg("/synth/map/output", filter, 0, r.filtered(), REPLACE),
                Osc.msg("/synth/new", DELAY, delay, group, TAIL, Osc.list(TIME, FEEDBACK, MIX),
                        Osc.list(FIRST_LINE + chain)),
                Osc.msg("/synth/map/input", delay, 0, r.filtered(), 0),
                Osc.msg("/synth/map/output", delay, 0, r.delayed(), REPLACE),
                Osc.msg("/synth/new", PAN, pan, group, TAIL, Osc.list(pos(chain)), Osc.list()),
                Osc.msg("/synth/map/input", pan, 0, r.delayed(), 0),
                Osc.msg("/synth/map/output", pan, 0, 0, EXTERNAL),
                Osc.msg("/synth/map/output", pan, 1, 1, EXTERNAL),
                Osc.msg("/synth/activate", noise),
                Osc.msg("/synth/activate", filter),
                Osc.msg("/synth/activate", delay),
                Osc.msg("/synth/activate", pan));
        if (withDelay) {
            return all;
        }
        List<OSCMessage> without = new ArrayList<>();
        for (OSCMessage m : all) {
            Object id = m.getArguments().get(m.getAddress().equals("/synth/new") ? 1 : 0);
            if (!id.equals(first + 2)) {
                without.add(m.getAddress().equals("/synth/map/input") && id.equals(pan)
                        ? Osc.msg("/synth/map/input", pan, 0, r.filtered(), 0) : m);
            }
        }
        return without;
    }

    @Override
    public List<OSCMessage> stop(int place) {
        int first = firstIds.remove(place);
        if (parallel) {
            return List.of(Osc.msg("/node/free", first)); // the chain's group, its synths with it
        }
        List<OSCMessage> free = new ArrayList<>();
        for (int k = 0; k < SYNTHS; k++) {
            if (delay || k != 2) {
                free.add(Osc.msg("/node/free", first + k));
            }
        }
        return free;
    }

    @Override
    public List<OSCMessage> tearDown() {
        List<OSCMessage> free = new ArrayList<>(List.of(Osc.msg("/node/free", GROUP)));
        for (int k = 0; k < lines; k++) {
            free.add(Osc.msg("/resource/free", FIRST_LINE + k));
        }
        return free;
    }
}
