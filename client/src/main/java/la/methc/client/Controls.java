package la.methc.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A new synth's initial parameters, by port name or number, in order: what {@link Commands#newSynth(String, int,
 * int, AddAction, Controls, List)} sets in the synth's first block, before it is activated. A control takes a
 * float, a resource port a Resource id. Not thread-safe: build it on one thread.
 *
 * <pre>{@code
 * Controls.of("freq", 440f).set("amp", 0.2f)      // by name
 * Controls.of(Map.of("freq", 440f))                 // from a map, in its order
 * Controls.of(0, 440f).set("amp", 0.2f)           // names and numbers mixed
 * }</pre>
 */
public final class Controls {

    /** Parameter (an Integer number or a String name) and value (a Float, or an Integer resource id), alternately. */
    private final List<Object> pairs = new ArrayList<>();

    private Controls() {
    }

    /** No parameters yet. */
    public static Controls none() {
        return new Controls();
    }

    /** The control {@code name} set to {@code value}. */
    public static Controls of(String name, float value) {
        return new Controls().set(name, value);
    }

    /** The control numbered {@code parameter} set to {@code value}. */
    public static Controls of(int parameter, float value) {
        return new Controls().set(parameter, value);
    }

    /** Each control of {@code named} set to its value, in the map's iteration order. */
    public static Controls of(Map<String, Float> named) {
        Controls c = new Controls();
        named.forEach(c::set);
        return c;
    }

    /** Sets the control named {@code name} (its port's name, as {@code /synthdef/info} lists them). */
    public Controls set(String name, float value) {
        return pair(name, value);
    }

    /** Sets the control numbered {@code parameter} (control inputs and resource ports numbered together). */
    public Controls set(int parameter, float value) {
        return pair(parameter, value);
    }

    /** Binds the resource port named {@code name} to the Resource {@code resource}. */
    public Controls resource(String name, int resource) {
        return pair(name, resource);
    }

    /** Binds the resource port numbered {@code parameter} to the Resource {@code resource}. */
    public Controls resource(int parameter, int resource) {
        return pair(parameter, resource);
    }

    private Controls pair(Object parameter, Object value) {
        if (parameter instanceof String s && s.isEmpty()) {
            throw new IllegalArgumentException("a parameter name must not be empty");
        }
        if (parameter == null) {
            throw new IllegalArgumentException("a parameter name must not be null");
        }
        pairs.add(parameter);
        pairs.add(value);
        return this;
    }

    public boolean isEmpty() {
        return pairs.isEmpty();
    }

    /** Parameter and value alternately, as {@code /node/set} takes them after the node's id. */
    public List<Object> pairs() {
        return List.copyOf(pairs);
    }

    @Override
    public String toString() {
        return "Controls" + pairs;
    }
}
