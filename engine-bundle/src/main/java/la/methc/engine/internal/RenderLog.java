package la.methc.engine.internal;

import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import la.methc.engine.internal.osc.Client;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The client of an offline render: a score has nobody to answer, so replies go to the log. */
final class RenderLog implements Client {

    static final RenderLog CLIENT = new RenderLog();
    private static final Logger LOG = LoggerFactory.getLogger(RenderLog.class);

    private RenderLog() {
    }

    @Override
    public void send(OSCPacket packet) {
        if (packet instanceof OSCMessage m && m.getAddress().equals("/error")) {
            LOG.warn("score: /error {}", m.getArguments());
        } else if (packet instanceof OSCMessage m) {
            LOG.debug("score: {} {}", m.getAddress(), m.getArguments());
        }
    }

    @Override
    public String describe() {
        return "score";
    }
}
