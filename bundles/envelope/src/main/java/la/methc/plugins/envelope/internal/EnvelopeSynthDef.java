package la.methc.plugins.envelope.internal;

import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import org.osgi.service.component.annotations.Component;

/**
 * {@code http://methc.la/plugins/envelope}: a gated ADSR of linear segments. Audio in 0 {@code in} → out 0
 * {@code out}; control in 0 {@code gate} (> 0 opens, ≤ 0 releases; default 1, so it opens when activated);
 * options (all optional) {@code f:attack f:decay f:sustainLevel f:release} in seconds, seconds, level 0…1,
 * seconds, defaults 0.01, 0.1, 0.7, 0.3. Done at the end of the release.
 */
@Component(service = SynthDef.class)
public final class EnvelopeSynthDef implements SynthDef {

    public static final String URI = PLUGINS_URI + "/envelope";

    static final float DEFAULT_ATTACK = 0.01f;
    static final float DEFAULT_DECAY = 0.1f;
    static final float DEFAULT_SUSTAIN_LEVEL = 0.7f;
    static final float DEFAULT_RELEASE = 0.3f;

    @Override
    public String uri() {
        return URI;
    }

    /**
     * NRT. Validates the options here, where an exception becomes an /error reply, so that process never
     * meets a bad value; rounds the durations to frames at the host's sample rate.
     */
    @Override
    public Synth construct(Host host, OscArgs options) {
        double sr = host.sampleRate();
        float attack = option(options, 0, "attack", DEFAULT_ATTACK);
        float decay = option(options, 1, "decay", DEFAULT_DECAY);
        float sustainLevel = option(options, 2, "sustainLevel", DEFAULT_SUSTAIN_LEVEL);
        if (sustainLevel > 1f) {
            throw new IllegalArgumentException(
                    "envelope: sustainLevel (option 2) must be in [0, 1], got " + sustainLevel);
        }
        float release = option(options, 3, "release", DEFAULT_RELEASE);
        return new Envelope(frames(attack, sr), frames(decay, sr), sustainLevel, frames(release, sr));
    }

    private static float option(OscArgs options, int index, String name, float fallback) {
        float v = options.floatAt(index, fallback);
        // written so that NaN fails too
        if (!(v >= 0f) || Float.isInfinite(v)) {
            throw new IllegalArgumentException(
                    "envelope: " + name + " (option " + index + ") must be a finite number >= 0, got " + v);
        }
        return v;
    }

    /** Capped far below overflow; the cap is millions of years. */
    private static long frames(float seconds, double sampleRate) {
        return Math.min(Math.round(seconds * sampleRate), Long.MAX_VALUE / 4);
    }

    /** Its envelope state is its own and it calls only synthDone: it may run beside other synths on a render thread. */
    @Override
    public boolean isolated() {
        return true;
    }
}
