package la.methc.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.PortDescriptor;
import la.methc.api.PortDirection;
import la.methc.api.PortType;
import la.methc.api.Synth;
import la.methc.engine.internal.tree.SynthDefEntry;
import la.methc.engine.internal.tree.SynthDestruction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code /synthdef/list} and {@code /synthdef/info} say, and the shell's {@code methcla:defs}: the bound
 * SynthDefs, and the ports of one for its default options, read from an instance constructed with no options and
 * destroyed at once (it never enters the tree, so it holds nothing). NRT (network threads, the shell).
 */
final class SynthDefInfo {

    private static final Logger LOG = LoggerFactory.getLogger(SynthDefInfo.class);

    private SynthDefInfo() {
    }

    /** The URIs of the bound SynthDefs, sorted. */
    static List<String> uris(SynthDefRegistry defs) {
        List<String> uris = new ArrayList<>();
        for (SynthDefEntry e : defs.all()) {
            if (!e.isRetired()) {
                uris.add(e.uri());
            }
        }
        uris.sort(null);
        return uris;
    }

    /**
     * The ports of {@code entry}'s default instance, each as name, kind ({@code audio}, {@code control} or
     * {@code resource}), direction ({@code input} or {@code output}) and default (a {@code Float}: the value a
     * control input starts at when {@code /synth/new} gives none, 0 for every other port), flat.
     *
     * @throws IllegalArgumentException with the reason for the client when the def constructs no instance without
     *     options, or describes no valid ports
     */
    static List<Object> ports(SynthDefEntry entry, Host host) {
        String uri = entry.uri();
        Synth synth;
        try {
            synth = entry.def().construct(host, OscArgs.empty());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(uri + " needs options to describe its ports: " + e.getMessage(), e);
        } catch (Throwable e) {
            // plugin code: even an Error must not take the network thread down
            LOG.warn("construct of {} for /synthdef/info failed", uri, e);
            throw new IllegalArgumentException(uri + " failed to construct: " + e, e);
        }
        if (synth == null) {
            throw new IllegalArgumentException(uri + " constructed no synth");
        }
        try {
            List<PortDescriptor> ports = synth.ports();
            if (ports == null) {
                throw new IllegalArgumentException(uri + " described no ports (ports() returned null)");
            }
            List<Object> out = new ArrayList<>(4 * ports.size());
            for (int i = 0; i < ports.size(); i++) {
                PortDescriptor p = ports.get(i);
                if (p == null) {
                    throw new IllegalArgumentException(uri + " described a null port at index " + i);
                }
                out.add(p.name());
                out.add(p.type().name().toLowerCase(Locale.ROOT));
                out.add(p.direction().name().toLowerCase(Locale.ROOT));
                // one shape for every port, so clients parse fours; only a control input's default means anything
                out.add(p.type() == PortType.CONTROL && p.direction() == PortDirection.INPUT ? p.defaultValue() : 0f);
            }
            return out;
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Throwable e) {
            LOG.warn("ports() of {} failed", uri, e);
            throw new IllegalArgumentException(uri + " failed to describe its ports: " + e, e);
        } finally {
            SynthDestruction.destroy(synth, host, "the instance /synthdef/info described (" + uri + ")");
        }
    }
}
