package la.methc.osc;

import com.illposed.osc.argument.ArgumentHandler;
import java.util.Map;

/**
 * The part every argument handler of ours shares with the others: a type tag, a Java class, no properties, never a
 * marker. They keep no state, so a parser's copy of one is the one itself. Any thread.
 */
abstract class StatelessHandler<T> implements ArgumentHandler<T> {

    private final char identifier;
    private final Class<T> type;

    StatelessHandler(char identifier, Class<T> type) {
        this.identifier = identifier;
        this.type = type;
    }

    @Override
    public final char getDefaultIdentifier() {
        return identifier;
    }

    @Override
    public final Class<T> getJavaClass() {
        return type;
    }

    @Override
    public final void setProperties(Map<String, Object> properties) {
    }

    @Override
    public final boolean isMarkerOnly() {
        return false;
    }

    @Override
    public final ArgumentHandler<T> clone() {
        return this;
    }
}
