package la.methc.plugins.asrenvelope.internal;

import la.methc.api.Host;
import la.methc.api.OscArgs;
import la.methc.api.Synth;
import la.methc.api.SynthDef;
import org.osgi.service.component.annotations.Component;

/**
 * {@code http://methc.la/plugins/asr-envelope}: audio in 0 times a linear attack-sustain-release envelope,
 * to audio out 0; done when the release ends. Options (all optional): {@code f:attack f:sustain f:level
 * f:release} in seconds, seconds, gain, seconds.
 */
@Component(service = SynthDef.class)
public final class AsrEnvelopeSynthDef implements SynthDef {

    public static final String URI = PLUGINS_URI + "/asr-envelope";

    static final float DEFAULT_ATTACK = 0.01f;
    static final float DEFAULT_SUSTAIN = 1f;
    static final float DEFAULT_LEVEL = 1f;
    static final float DEFAULT_RELEASE = 0.1f;

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
        float sustain = option(options, 1, "sustain", DEFAULT_SUSTAIN);
        float level = option(options, 2, "level", DEFAULT_LEVEL);
        float release = option(options, 3, "release", DEFAULT_RELEASE);
        return new AsrEnvelope(frames(attack, sr), frames(sustain, sr), level, frames(release, sr));
    }

    private static float option(OscArgs options, int index, String name, float fallback) {
        float v = options.floatAt(index, fallback);
        // written so that NaN fails too
        if (!(v >= 0f) || Float.isInfinite(v)) {
            throw new IllegalArgumentException(
                    "asr-envelope: " + name + " (option " + index + ") must be a finite number >= 0, got " + v);
        }
        return v;
    }

    /** Capped so that attack + sustain + release cannot overflow; the cap is millions of years. */
    private static long frames(float seconds, double sampleRate) {
        return Math.min(Math.round(seconds * sampleRate), Long.MAX_VALUE / 4);
    }

    /** Its envelope state is its own and it calls only synthDone: it may run beside other synths on a render thread. */
    @Override
    public boolean isolated() {
        return true;
    }
}
