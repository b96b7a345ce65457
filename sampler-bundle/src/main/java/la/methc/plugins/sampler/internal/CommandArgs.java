package la.methc.plugins.sampler.internal;

import la.methc.api.OscArgs;
import la.methc.audiobuffer.AudioBuffer;

/**
 * What the sampler's commands share: argument checks (network thread) and the cast of a Resource body to an
 * AudioBuffer (worker). Every refusal is an {@link IllegalArgumentException} whose message is fit for the
 * client's {@code /error}.
 */
final class CommandArgs {

    private CommandArgs() {
    }

    /** Refuses fewer than {@code min} or more than {@code max} arguments: nothing is silently ignored. */
    static void checkCount(OscArgs args, int min, int max, String usage) {
        if (args.size() < min || args.size() > max) {
            throw new IllegalArgumentException("expected " + usage + ", got " + args.size() + " arguments");
        }
    }

    /** Argument {@code index}, a frame count or position: at least {@code min}. */
    static int frames(OscArgs args, int index, String name, int fallback, int min) {
        int v = args.intAt(index, fallback);
        if (v < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + v);
        }
        return v;
    }

    /** Argument {@code index}, a finite float of at least 0. */
    static float nonNegative(OscArgs args, int index, String name) {
        float v = args.floatAt(index);
        if (!Float.isFinite(v) || v < 0) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + v);
        }
        return v;
    }

    /** Worker. The body of Resource {@code id} as an AudioBuffer. */
    static AudioBuffer buffer(Object body, int id) {
        if (body instanceof AudioBuffer b) {
            return b;
        }
        throw new IllegalArgumentException("resource " + id + " is not an AudioBuffer");
    }
}
