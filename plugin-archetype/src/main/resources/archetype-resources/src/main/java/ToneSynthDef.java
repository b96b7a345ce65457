package ${package};

import java.util.List;
import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.PortDescriptor;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@value #URI}: a sine tone. {@code /synth/new} controls {@code [freq amp]} (control inputs 0 and 1, Hz and
 * linear gain), audio out 0; no options.
 *
 * <p>A DS component (bnd writes its XML from the annotations): the engine binds every {@link SynthDef} service by
 * its {@link #uri()}. Its configuration ({@link Config}) comes by constructor injection; without a configuration
 * (the usual case) the annotation's defaults apply. In a running engine, a file
 * {@code plugins/${package}.ToneSynthDef.cfg} holding {@code defaultFreq=220} configures it (DS then makes the def
 * anew: it is bound again and the synths of the old one end).
 */
@Component(service = SynthDef.class)
public final class ToneSynthDef implements SynthDef {

    public static final String URI = "${synthUri}";

    /** The component's configuration: the defaults of the control inputs. */
    public @interface Config {
        /** The frequency a synth starts with when {@code /synth/new} gives none, in Hz. */
        float defaultFreq() default 440f;

        /** The amplitude a synth starts with when {@code /synth/new} gives none. */
        float defaultAmp() default 0.2f;
    }

    /** Immutable and shared by every synth of this def: the ports do not depend on the options. */
    private final List<PortDescriptor> ports;

    /** DS: the configured defaults. */
    @Activate
    public ToneSynthDef(Config config) {
        this(config.defaultFreq(), config.defaultAmp());
    }

    /** A def with these defaults, configured by nobody: for tests. */
    ToneSynthDef(float defaultFreq, float defaultAmp) {
        ports = List.of(
                PortDescriptor.controlInput("freq", defaultFreq),
                PortDescriptor.controlInput("amp", defaultAmp),
                PortDescriptor.audioOutput("out"));
    }

    @Override
    public String uri() {
        return URI;
    }

    /** NRT: allocation belongs here, never in {@link Synth#process}. Takes no options. */
    @Override
    public Synth construct(Host host, OscArgs options) {
        if (options.size() != 0) {
            throw new IllegalArgumentException("takes no options, got " + options.size());
        }
        return new Tone(ports);
    }

    /** A tone's process reads only its ports and writes only its fields and output: it may run beside others. */
    @Override
    public boolean isolated() {
        return true;
    }
}
