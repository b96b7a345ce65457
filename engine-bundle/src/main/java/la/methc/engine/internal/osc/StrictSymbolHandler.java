package la.methc.engine.internal.osc;

import com.illposed.osc.BytesReceiver;
import com.illposed.osc.OSCParseException;
import com.illposed.osc.OSCSerializer;
import com.illposed.osc.argument.ArgumentHandler;
import com.illposed.osc.argument.OSCSymbol;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Symbol ({@code S}): a string by another type tag, as strict as {@link StrictStringHandler}. */
final class StrictSymbolHandler implements ArgumentHandler<OSCSymbol> {

    @Override
    public char getDefaultIdentifier() {
        return 'S';
    }

    @Override
    public Class<OSCSymbol> getJavaClass() {
        return OSCSymbol.class;
    }

    @Override
    public void setProperties(Map<String, Object> properties) {
    }

    @Override
    public boolean isMarkerOnly() {
        return false;
    }

    @Override
    public StrictSymbolHandler clone() {
        return new StrictSymbolHandler();
    }

    @Override
    public OSCSymbol parse(ByteBuffer input) throws OSCParseException {
        return OSCSymbol.valueOf(StrictStringHandler.parseStrict(input));
    }

    @Override
    public void serialize(BytesReceiver output, OSCSymbol value) {
        output.put(value.toString().getBytes(StandardCharsets.UTF_8));
        OSCSerializer.terminateAndAlign(output);
    }
}
