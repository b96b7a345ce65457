package la.methc.engine.internal.command;

import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.bus.AudioBus;
import la.methc.engine.internal.tree.SynthNode;

/**
 * {@code /synth/map/input|output i:id i:port i:bus i:flags}: connects an audio port (index among the
 * synth's audio inputs or outputs) to a bus; bus -1 unmaps. The bus range was checked on the network thread.
 */
public final class MapBus extends NodeCommand {

    private final boolean input;
    private final int port;
    private final int bus;
    private final int flags;

    public MapBus(Client client, boolean input, int nodeId, int port, int bus, int flags) {
        super(CommandText.mapBus(input), client, nodeId);
        this.input = input;
        this.port = port;
        this.bus = bus;
        this.flags = flags;
    }

    @Override
    public void perform(RtContext rt, int offset) {
        SynthNode s = synth(rt);
        if (s == null) {
            return;
        }
        int ports = input ? s.numAudioInputs() : s.numAudioOutputs();
        if (port < 0 || port >= ports) {
            rt.error(address, nodeId, CommandText.audioPortOutOfRange(input, port, ports), client);
            return;
        }
        AudioBus b = bus < 0 ? null : rt.buses().lookup(bus, flags, input);
        if (input) {
            s.mapInput(port, b, flags);
        } else {
            s.mapOutput(port, b, flags);
        }
    }
}
