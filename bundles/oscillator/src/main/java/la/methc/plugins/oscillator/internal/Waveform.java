package la.methc.plugins.oscillator.internal;

/**
 * One sample of the saw, square or triangle at phase {@code t} (in cycles, [0, 1)) for a phase increment {@code dt}
 * (cycles per sample, in [0, 0.5)). All shapes have peak 1 and start at 0 rising (the square starts at +1), as the
 * sine does; the sine's samples come from a {@code Rotations} table in {@link Oscillator} (ADR 0025).
 *
 * <p>Band-limiting: the saw and square add a two-sample PolyBLEP residual at each jump, the triangle a
 * two-sample PolyBLAMP residual at each corner (its slope's jump), computed from the naive waveform, so there is
 * no state (no leaky integrator: no DC drift, no amplitude that depends on the frequency). RT, allocation free.
 */
final class Waveform {

    static final int SINE = 0;
    static final int SAW = 1;
    static final int SQUARE = 2;
    static final int TRIANGLE = 3;
    static final int COUNT = 4;

    private Waveform() {
    }

    /** {@code shape}: {@link #SAW}, {@link #SQUARE} or {@link #TRIANGLE}. */
    static double sample(int shape, double t, double dt) {
        return switch (shape) {
            case SAW -> saw(t, dt);
            case SQUARE -> square(t, dt);
            default -> triangle(t, dt);
        };
    }

    /** Rising from −1 to 1, 0 at t = 0, a jump of −2 at t = ½. */
    static double saw(double t, double dt) {
        double u = t + 0.5;
        u -= Math.floor(u);
        return 2 * u - 1 - 2 * blep(t, 0.5, dt);
    }

    /** +1 on [0, ½), −1 on [½, 1): jumps of −2 at ½ and +2 at 0. */
    static double square(double t, double dt) {
        double naive = t < 0.5 ? 1 : -1;
        return naive + 2 * blep(t, 0, dt) - 2 * blep(t, 0.5, dt);
    }

    /** 0 at t = 0, peak 1 at ¼, −1 at ¾: slope ±4 per cycle, a slope jump of −8 at ¼ and +8 at ¾. */
    static double triangle(double t, double dt) {
        double naive = t < 0.25 ? 4 * t : t < 0.75 ? 2 - 4 * t : 4 * t - 4;
        // the slope's jump in units per sample is 8·dt
        return naive - 8 * dt * blamp(t, 0.25, dt) + 8 * dt * blamp(t, 0.75, dt);
    }

    /** Distance in samples from the discontinuity at phase {@code at}, the shorter way round the cycle. */
    private static double samplesFrom(double t, double at, double dt) {
        double d = t - at;
        d -= Math.floor(d + 0.5); // into [−½, ½)
        return d / dt;
    }

    /**
     * The PolyBLEP residual of a unit step at phase {@code at}: what to add to the naive step so it becomes a
     * step through the integral of a two-sample triangle kernel. −(1−x)²/2 after the step, (1+x)²/2 before.
     */
    static double blep(double t, double at, double dt) {
        if (dt <= 0) {
            return 0;
        }
        double x = samplesFrom(t, at, dt);
        if (x >= 0 && x < 1) {
            double r = 1 - x;
            return -0.5 * r * r;
        }
        if (x < 0 && x > -1) {
            double r = 1 + x;
            return 0.5 * r * r;
        }
        return 0;
    }

    /** The PolyBLAMP residual of a unit slope jump (per sample) at phase {@code at}: the BLEP's integral, (1−|x|)³/6. */
    static double blamp(double t, double at, double dt) {
        if (dt <= 0) {
            return 0;
        }
        double x = Math.abs(samplesFrom(t, at, dt));
        if (x >= 1) {
            return 0;
        }
        double r = 1 - x;
        return r * r * r / 6;
    }
}
