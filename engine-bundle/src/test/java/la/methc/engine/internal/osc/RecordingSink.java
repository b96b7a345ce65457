package la.methc.engine.internal.osc;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.illposed.osc.OSCPacket;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/** A sink that keeps what the transports hand it, and may answer. */
final class RecordingSink implements PacketSink {

    record Received(OSCPacket packet, Client from) {
    }

    record Bad(Client from, String reason) {
    }

    final LinkedBlockingQueue<Received> packets = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<Bad> bad = new LinkedBlockingQueue<>();
    private final BiConsumer<OSCPacket, Client> answer;
    private final BiConsumer<String, Client> answerBad;

    RecordingSink() {
        this((p, c) -> { }, (r, c) -> { });
    }

    RecordingSink(BiConsumer<OSCPacket, Client> answer, BiConsumer<String, Client> answerBad) {
        this.answer = answer;
        this.answerBad = answerBad;
    }

    @Override
    public void onPacket(OSCPacket packet, Client from) {
        packets.add(new Received(packet, from));
        answer.accept(packet, from);
    }

    @Override
    public void onBadPacket(Client from, String reason) {
        bad.add(new Bad(from, reason));
        answerBad.accept(reason, from);
    }

    Received next() throws InterruptedException {
        Received r = packets.poll(5, TimeUnit.SECONDS);
        assertNotNull(r, "no packet within 5 s");
        return r;
    }

    Bad nextBad() throws InterruptedException {
        Bad b = bad.poll(5, TimeUnit.SECONDS);
        assertNotNull(b, "no bad packet within 5 s");
        return b;
    }
}
