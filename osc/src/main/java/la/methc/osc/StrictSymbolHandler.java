package la.methc.osc;

import com.illposed.osc.BytesReceiver;
import com.illposed.osc.OSCParseException;
import com.illposed.osc.OSCSerializer;
import com.illposed.osc.argument.OSCSymbol;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Symbol ({@code S}): a string by another type tag, as strict as {@link StrictStringHandler}. */
final class StrictSymbolHandler extends StatelessHandler<OSCSymbol> {

    StrictSymbolHandler() {
        super('S', OSCSymbol.class);
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
