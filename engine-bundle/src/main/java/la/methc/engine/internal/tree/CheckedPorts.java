package la.methc.engine.internal.tree;

import java.util.List;
import la.methc.api.PortDescriptor;
import la.methc.api.Synth;

/**
 * A synth's ports as its plugin describes them when the synth is made, checked and copied once (on the network
 * thread), so that nothing later (RT's {@code /node/set} errors, introspection) calls the plugin's {@code ports()}
 * again: it may throw or answer differently after construction.
 */
final class CheckedPorts {

    private CheckedPorts() {
    }

    /**
     * NRT. The plugin's port list, checked, as an immutable copy: a failure refuses the synth with a reason naming
     * its def.
     */
    static List<PortDescriptor> of(SynthDefEntry def, Synth synth) {
        List<PortDescriptor> ports;
        try {
            ports = synth.ports();
        } catch (Throwable t) {
            throw new IllegalArgumentException(NodeText.portsFailed(def, t), t);
        }
        if (ports == null) {
            throw new IllegalArgumentException(NodeText.noPorts(def));
        }
        for (int i = 0; i < ports.size(); i++) {
            if (ports.get(i) == null) {
                throw new IllegalArgumentException(NodeText.nullPort(def, i));
            }
        }
        return List.copyOf(ports);
    }
}
