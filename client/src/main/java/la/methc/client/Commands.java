package la.methc.client;

import com.illposed.osc.OSCMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The engine's commands that need no answer to be useful, as typed calls (docs/osc-api.md): each builds the
 * message and {@link #add}s it. A {@link MethclaClient} sends it at once, a {@link Bundle} collects it for a time
 * tag, a {@link Score} for a score time. A refused command is answered with an {@code /error}
 * ({@link MethclaClient#onError}); {@link MethclaClient#confirm} turns a batch of them into a future.
 *
 * @param <T> the type returned for chaining
 */
public interface Commands<T extends Commands<T>> {

    /** Sends or collects {@code message}; every typed call ends here. */
    T add(OSCMessage message);

    /**
     * Sends or collects {@code messages} to take effect together, in one block: a {@link MethclaClient} sends them as
     * one bundle to run at once; a {@link Bundle} (so a {@link Score}) collects them in order.
     */
    default T addAll(List<OSCMessage> messages) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("no messages to add");
        }
        T last = null;
        for (OSCMessage m : messages) {
            last = add(m);
        }
        return last;
    }

    /** {@code address} with {@code arguments} (Integer, Float, String, a List for an OSC array, …). */
    default T add(String address, Object... arguments) {
        return add(new OSCMessage(address, new ArrayList<>(Arrays.asList(arguments))));
    }

    /** {@code /group/new i:id i:target i:addAction}. */
    default T newGroup(int id, int target, AddAction action) {
        return add("/group/new", id, target, action.code());
    }

    /**
     * {@code /group/new i:id i:target i:addAction i:1}: a parallel group, whose children (synths or groups) may run
     * on any DSP thread; none may read a bus a sibling writes in the same block (docs/osc-api.md).
     */
    default T newParallelGroup(int id, int target, AddAction action) {
        return add("/group/new", id, target, action.code(), 1);
    }

    /** {@code /group/freeAll i:id}: frees the group's children. */
    default T freeAll(int group) {
        return add("/group/freeAll", group);
    }

    /**
     * {@code /synth/new s:uri i:id i:target i:addAction [f:controls…] [options…]}: a new, inactive synth.
     *
     * @param controls the control inputs' initial values, in port order (a prefix; may be empty)
     * @param options the SynthDef's options (Integer, Float, String), e.g. the buffer of a play synth
     */
    default T newSynth(String uri, int id, int target, AddAction action, List<Float> controls, List<?> options) {
        return add("/synth/new", uri, id, target, action.code(), new ArrayList<Object>(controls),
                new ArrayList<Object>(options));
    }

    /** {@code /synth/new} with no initial controls and no options. */
    default T newSynth(String uri, int id, int target, AddAction action) {
        return newSynth(uri, id, target, action, List.of(), List.of());
    }

    /**
     * {@code /synth/new} with no positional controls, then {@code /node/set i:id} with {@code controls}' pairs (names
     * and numbers), together in one block ({@link #addAll}): the synth starts with them. All or nothing: a bad pair
     * (an unknown name, …) sets none and is answered with an {@code /error /node/set}; use
     * {@link MethclaClient#confirm} for a future that fails with it.
     */
    default T newSynth(String uri, int id, int target, AddAction action, Controls controls, List<?> options) {
        OSCMessage synth = new OSCMessage("/synth/new", new ArrayList<>(List.of(uri, id, target, action.code(),
                new ArrayList<Object>(), new ArrayList<Object>(options))));
        if (controls.isEmpty()) {
            return add(synth);
        }
        List<Object> set = new ArrayList<>();
        set.add(id);
        set.addAll(controls.pairs());
        return addAll(List.of(synth, new OSCMessage("/node/set", set)));
    }

    /** {@code /synth/activate i:id}: starts the synth, at the bundle's frame. */
    default T activate(int synth) {
        return add("/synth/activate", synth);
    }

    /** {@code /synth/map/input i:id i:port i:bus i:flags} ({@link Flags}; bus {@link Flags#UNMAP} unmaps). */
    default T mapInput(int synth, int port, int bus, int flags) {
        return add("/synth/map/input", synth, port, bus, flags);
    }

    /** {@code /synth/map/output i:id i:port i:bus i:flags} ({@link Flags}; bus {@link Flags#UNMAP} unmaps). */
    default T mapOutput(int synth, int port, int bus, int flags) {
        return add("/synth/map/output", synth, port, bus, flags);
    }

    /** {@code /synth/property/doneFlags/set i:id i:flags} ({@link Flags#FREE_SELF} …). */
    default T doneFlags(int synth, int flags) {
        return add("/synth/property/doneFlags/set", synth, flags);
    }

    /** {@code /node/set i:id i:param f:value}: a control parameter by number. */
    default T set(int node, int parameter, float value) {
        return add("/node/set", node, parameter, value);
    }

    /** {@code /node/set i:id s:name f:value}: a control parameter by its port name. */
    default T set(int node, String name, float value) {
        return add("/node/set", node, name, value);
    }

    /** {@code /node/set i:id i:param i:resource-id}: re-maps a resource port by number. */
    default T setResource(int node, int parameter, int resource) {
        return add("/node/set", node, parameter, resource);
    }

    /** {@code /node/set i:id s:name i:resource-id}: re-maps a resource port by its name. */
    default T setResource(int node, String name, int resource) {
        return add("/node/set", node, name, resource);
    }

    /**
     * {@code /node/set i:id} with several pairs, all or nothing: each a parameter (an Integer number or a String
     * name) and a value (a Float for a control, an Integer for a resource port), e.g.
     * {@code set(100, "freq", 660f, "amp", 0.2f)}.
     */
    default T set(int node, Object... pairs) {
        if (pairs.length == 0 || pairs.length % 2 != 0) {
            throw new IllegalArgumentException("/node/set takes parameter-value pairs, got " + pairs.length + " values");
        }
        List<Object> args = new ArrayList<>(pairs.length + 1);
        args.add(node);
        for (int k = 0; k < pairs.length; k += 2) {
            if (!(pairs[k] instanceof Integer || pairs[k] instanceof String)) {
                throw new IllegalArgumentException("parameter " + pairs[k] + " is neither a number nor a name");
            }
            if (!(pairs[k + 1] instanceof Float || pairs[k + 1] instanceof Integer)) {
                throw new IllegalArgumentException("value " + pairs[k + 1] + " of " + pairs[k]
                        + " is neither a Float nor an Integer resource id");
            }
            args.add(pairs[k]);
            args.add(pairs[k + 1]);
        }
        return add(new OSCMessage("/node/set", args));
    }

    /** {@code /node/free i:id}: frees the node and everything in it ({@code /node/ended} for each). */
    default T free(int node) {
        return add("/node/free", node);
    }
}
