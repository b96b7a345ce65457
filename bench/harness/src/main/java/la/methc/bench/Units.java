package la.methc.bench;

import com.illposed.osc.OSCMessage;
import java.io.IOException;
import java.util.List;

/**
 * What a {@link VoiceSearch} adds step by step until the server's block thread reaches 80% load: looping play voices
 * ({@link PlayVoices}), filter + delay + pan chains ({@link Chains}). A unit is one or more synths; units are
 * numbered by their place, 0 up, and the search adds and takes back places at the end only.
 */
interface Units {

    /** The units' name, plural, for the search's lines: "play voices", "chains". */
    String name();

    /** How many synths one unit runs: the search checks the server runs as many as it started. */
    int synthsEach();

    /** Once, before the first step: what every unit needs (a buffer, the group they go in). */
    void setUp(Session s) throws IOException, InterruptedException;

    /**
     * What place {@code place} needs ready before its synths start (e.g. an AudioBuffer): the search sends these
     * for the whole step, syncs, and only then sends {@link #start}. Empty by default.
     */
    default List<OSCMessage> prepare(int place) {
        return List.of();
    }

    /** The messages that start the unit at {@code place}, with node ids of its own (a place taken back is refilled). */
    List<OSCMessage> start(int place);

    /** The messages that free the unit at {@code place}, the last one started (a step taken back). */
    List<OSCMessage> stop(int place);

    /** The messages that free everything {@link #setUp}, {@link #prepare} and {@link #start} made. */
    List<OSCMessage> tearDown();
}
