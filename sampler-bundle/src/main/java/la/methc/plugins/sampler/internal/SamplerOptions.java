package la.methc.plugins.sampler.internal;

import la.methc.api.OscArgs;
import la.methc.api.ResourceRef;

/**
 * NRT. Parses and checks the options array of {@code /synth/new} for the sampler synths. Every refusal is an
 * {@link IllegalArgumentException} whose message names the synth, the option and what was wrong, fit for the
 * {@code /error} reply the engine sends.
 */
final class SamplerOptions {

    /** The most audio ports one sampler synth may have (a guard against {@code i:1000000} building huge port lists). */
    static final int MAX_CHANNELS = 64;

    private SamplerOptions() {
    }

    /** Refuses more than {@code max} options: nothing is silently ignored. */
    static void checkCount(String synth, OscArgs options, int max, String usage) {
        if (options.size() > max) {
            throw new IllegalArgumentException(synth + ": takes at most " + max + " options (" + usage + "), got "
                    + options.size());
        }
    }

    /**
     * Option 0, an {@code i:buffer} resource id, at least 0; without it {@link ResourceRef#NONE}: the synth starts
     * with no buffer bound (silent, or recording nothing) until {@code /node/set i:id s:buffer i:resource-id}.
     */
    static int bufferId(String synth, OscArgs options) {
        if (!options.has(0)) {
            return ResourceRef.NONE;
        }
        int id = intOption(synth, options, 0, "buffer");
        if (id < 0) {
            throw new IllegalArgumentException(synth + ": buffer (option 0) must be a resource id >= 0, got " + id);
        }
        return id;
    }

    /** Option {@code index}, {@code i:channels}: optional (1), from 1 to {@link #MAX_CHANNELS}. */
    static int channels(String synth, OscArgs options, int index) {
        if (!options.has(index)) {
            return 1;
        }
        int n = intOption(synth, options, index, "channels");
        if (n < 1 || n > MAX_CHANNELS) {
            throw new IllegalArgumentException(synth + ": channels (option " + index + ") must be 1 to "
                    + MAX_CHANNELS + ", got " + n);
        }
        return n;
    }

    /** Option {@code index}, {@code i:interpolation}: optional ({@link Interpolation#LINEAR}), one of 0, 1, 2. */
    static int interpolation(String synth, OscArgs options, int index) {
        if (!options.has(index)) {
            return Interpolation.LINEAR;
        }
        int mode = intOption(synth, options, index, "interpolation");
        if (mode != Interpolation.NONE && mode != Interpolation.LINEAR && mode != Interpolation.CUBIC) {
            throw new IllegalArgumentException(synth + ": interpolation (option " + index
                    + ") must be 0 (none), 1 (linear) or 2 (cubic), got " + mode);
        }
        return mode;
    }

    /** An {@code i} option, with the option's name added to the type error of {@link OscArgs#intAt}. */
    private static int intOption(String synth, OscArgs options, int index, String name) {
        try {
            return options.intAt(index);
        } catch (IllegalArgumentException e) {
            Object v = options.get(index);
            String got = v == null ? "nil" : v.getClass().getSimpleName().toLowerCase();
            throw new IllegalArgumentException(synth + ": " + name + " (option " + index + ") must be an int (i), got "
                    + got + (v instanceof Number || v instanceof String ? " " + v : ""), e);
        }
    }
}
