package la.methc.client;

import com.illposed.osc.OSCMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * A client's listeners. They run on the receive thread; one that throws is reported to the thread's uncaught
 * exception handler and stops neither the others nor the futures. Thread-safe.
 */
final class Listeners {

    private final List<Consumer<OSCMessage>> messages = new CopyOnWriteArrayList<>();
    private final List<Consumer<ServerException>> errors = new CopyOnWriteArrayList<>();

    MethclaClient.Subscription onMessage(Consumer<OSCMessage> listener) {
        messages.add(listener);
        return () -> messages.remove(listener);
    }

    MethclaClient.Subscription onError(Consumer<ServerException> listener) {
        errors.add(listener);
        return () -> errors.remove(listener);
    }

    /** {@code listener} gets the id (first argument) of every {@code address} message. */
    MethclaClient.Subscription onId(String address, IntConsumer listener) {
        return onMessage(m -> {
            if (m.getAddress().equals(address) && !m.getArguments().isEmpty()
                    && m.getArguments().get(0) instanceof Integer id) {
                listener.accept(id);
            }
        });
    }

    void message(OSCMessage m) {
        for (Consumer<OSCMessage> l : messages) {
            safely(l, m);
        }
    }

    void error(ServerException e) {
        for (Consumer<ServerException> l : errors) {
            safely(l, e);
        }
    }

    private static <T> void safely(Consumer<T> listener, T value) {
        try {
            listener.accept(value);
        } catch (RuntimeException e) {
            Thread t = Thread.currentThread();
            t.getUncaughtExceptionHandler().uncaughtException(t, e);
        }
    }
}
