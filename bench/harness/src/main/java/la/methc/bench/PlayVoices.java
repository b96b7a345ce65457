package la.methc.bench;

import com.illposed.osc.OSCMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The side-by-side table's voices: looping 1-channel play voices (rates 1.001–1.05, so every frame is interpolated;
 * cubic on both servers) on one buffer of {@value VoiceSearch#FRAMES} frames filled with 1 s of a recorded sine,
 * each into hardware output 0 or 1, in one group. Written against {@link ServerUnderTest}: the same for every
 * server.
 */
final class PlayVoices implements Units {

    private final ServerUnderTest server;
    /** The node id of the voice at each place. */
    private final List<Integer> ids = new ArrayList<>();
    private int nextId = VoiceSearch.FIRST_VOICE;

    PlayVoices(ServerUnderTest server) {
        this.server = server;
    }

    @Override
    public String name() {
        return "play voices";
    }

    @Override
    public int synthsEach() {
        return 1;
    }

    @Override
    public void setUp(Session s) throws IOException, InterruptedException {
        s.run("the voices' buffer", server.newBuffer(VoiceSearch.BUFFER, VoiceSearch.FRAMES));
        List<OSCMessage> fill = new ArrayList<>(server.recordSine(VoiceSearch.BUFFER, 2, 0.5f));
        fill.add(server.newGroup(VoiceSearch.GROUP));
        s.run("filling the buffer", List.of(Osc.now(fill)));
        Thread.sleep(1100); // the recorder ends itself once the buffer is full
    }

    @Override
    public List<OSCMessage> start(int place) {
        // a voice taken back leaves its id behind: a new id each time, the same rate for the same place
        int id = nextId++;
        ids.add(id);
        return server.newPlayVoice(id, VoiceSearch.GROUP, VoiceSearch.BUFFER, VoiceSearch.rate(place), place % 2);
    }

    @Override
    public List<OSCMessage> stop(int place) {
        return List.of(server.freeNode(ids.remove(place)));
    }

    @Override
    public List<OSCMessage> tearDown() {
        return List.of(server.freeNode(VoiceSearch.GROUP), server.freeBuffer(VoiceSearch.BUFFER));
    }
}
