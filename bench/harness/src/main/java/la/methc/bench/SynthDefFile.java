package la.methc.bench;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes SuperCollider's compiled SynthDef file format, version 2 ("SCgf"), as documented in
 * Reference/Synth-Definition-File-Format: big-endian; a pstring is an int8 length and that many ASCII bytes.
 * Version 2 uses int32 for every count and index except the def count and a UGen's special index (int16).
 * Variants are not written (their count is 0). The harness builds its scsynth defs with this, so no compiled
 * binary of unknown origin is committed.
 */
final class SynthDefFile {

    static final int VERSION = 2;

    private SynthDefFile() {
    }

    /** A calculation rate: scalar 0, control 1, audio 2. */
    enum Rate {
        SCALAR, CONTROL, AUDIO
    }

    /** A UGen input: another UGen's output, or a constant (ugen -1, index into the constants). */
    record Input(int ugen, int index) {
    }

    /** One UGen of a graph, with its inputs (in order) and the rates of its outputs. */
    record UGen(String name, Rate rate, List<Input> inputs, List<Rate> outputs, int special) {
    }

    /** A named control, pointing at its index in the parameter array. */
    record ParamName(String name, int index) {
    }

    /** One synth definition: constants, initial parameter values, parameter names, UGens in graph order. */
    record Def(String name, List<Float> constants, List<Float> params, List<ParamName> names, List<UGen> ugens) {
    }

    /** The file holding {@code defs}. */
    static byte[] write(List<Def> defs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream o = new DataOutputStream(bytes)) {
            o.write("SCgf".getBytes(StandardCharsets.US_ASCII));
            o.writeInt(VERSION);
            o.writeShort(defs.size());
            for (Def d : defs) {
                def(o, d);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    private static void def(DataOutputStream o, Def d) throws IOException {
        pstring(o, d.name());
        o.writeInt(d.constants().size());
        for (float c : d.constants()) {
            o.writeFloat(c);
        }
        o.writeInt(d.params().size());
        for (float p : d.params()) {
            o.writeFloat(p);
        }
        o.writeInt(d.names().size());
        for (ParamName n : d.names()) {
            pstring(o, n.name());
            o.writeInt(n.index());
        }
        o.writeInt(d.ugens().size());
        for (UGen u : d.ugens()) {
            pstring(o, u.name());
            o.writeByte(u.rate().ordinal());
            o.writeInt(u.inputs().size());
            o.writeInt(u.outputs().size());
            o.writeShort(u.special());
            for (Input in : u.inputs()) {
                o.writeInt(in.ugen());
                o.writeInt(in.index());
            }
            for (Rate r : u.outputs()) {
                o.writeByte(r.ordinal());
            }
        }
        o.writeShort(0); // no variants
    }

    private static void pstring(DataOutputStream o, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        if (b.length > 255) {
            throw new IllegalArgumentException("a pstring holds at most 255 bytes: " + s);
        }
        o.writeByte(b.length);
        o.write(b);
    }

    /**
     * Builds a {@link Def} the way sclang lays one out: one control-rate {@code Control} UGen first, holding
     * every parameter, then the UGens added in graph order; constants are collected as they are used.
     */
    static final class Builder {
        private final String name;
        private final List<Float> constants = new ArrayList<>();
        private final List<Float> params = new ArrayList<>();
        private final List<ParamName> names = new ArrayList<>();
        private final List<UGen> ugens = new ArrayList<>();

        Builder(String name, String... controls) {
            this.name = name;
            for (int k = 0; k + 1 < controls.length; k += 2) {
                names.add(new ParamName(controls[k], params.size()));
                params.add(Float.parseFloat(controls[k + 1]));
            }
            if (!params.isEmpty()) {
                ugens.add(new UGen("Control", Rate.CONTROL, List.of(), repeat(Rate.CONTROL, params.size()), 0));
            }
        }

        /** The output of the {@code Control} UGen for parameter {@code param}. */
        Input control(String param) {
            for (ParamName n : names) {
                if (n.name().equals(param)) {
                    return new Input(0, n.index());
                }
            }
            throw new IllegalArgumentException("no control " + param + " in " + name);
        }

        /** A constant input; equal values share one entry. */
        Input constant(float value) {
            int k = constants.indexOf(value);
            if (k < 0) {
                k = constants.size();
                constants.add(value);
            }
            return new Input(-1, k);
        }

        /** Adds a UGen with {@code outputs} outputs at its own rate; returns its first output. */
        Input ugen(String ugen, Rate rate, int special, int outputs, Input... inputs) {
            ugens.add(new UGen(ugen, rate, List.of(inputs), repeat(rate, outputs), special));
            return new Input(ugens.size() - 1, 0);
        }

        Def build() {
            return new Def(name, List.copyOf(constants), List.copyOf(params), List.copyOf(names), List.copyOf(ugens));
        }

        private static List<Rate> repeat(Rate r, int n) {
            List<Rate> l = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                l.add(r);
            }
            return l;
        }
    }
}
