package la.methc.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@link OscArgs} over a list of decoded OSC arguments (a value type; the list is copied). */
public record OscArgList(List<Object> values) implements OscArgs {

    static final OscArgList EMPTY = new OscArgList(List.of());

    public OscArgList {
        // List.copyOf rejects null elements, but OSC has nil arguments
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    @Override
    public int size() {
        return values.size();
    }

    @Override
    public Object get(int index) {
        return values.get(index);
    }
}
