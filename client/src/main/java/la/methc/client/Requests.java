package la.methc.client;

import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A client's requests over its connection: each is registered with {@link Replies} before it is sent, so no reply
 * can come first. When the connection closes (the server closed a TCP connection, say), what still waits fails with
 * a {@link ConnectionClosedException} at once, and so does every later request. Thread-safe.
 */
final class Requests {

    private final OscConnection connection;
    private final Replies replies = new Replies();
    private final AtomicInteger syncIds = new AtomicInteger(1);
    private volatile long timeoutMillis = 10_000;

    Requests(OscConnection connection) {
        this.connection = connection;
        connection.addCloseListener(why -> replies.close(what -> new ConnectionClosedException(why
                + ": no reply to " + what)));
    }

    void timeout(long millis) {
        this.timeoutMillis = millis;
    }

    /** The next {@code /sync} id. */
    int nextSync() {
        return syncIds.getAndIncrement();
    }

    /**
     * Sends {@code body} then {@code /sync}: completes on {@code /synced}, fails with the first {@code /error} naming
     * one of the body's addresses.
     */
    CompletableFuture<Void> confirm(Bundle body) {
        Set<String> addresses = new LinkedHashSet<>();
        for (OSCPacket p : body.packets()) {
            if (p instanceof OSCMessage m) {
                addresses.add(m.getAddress());
            }
        }
        int n = nextSync();
        return request("commands " + addresses, body.toPacket(), Replies.withId("/synced", n), m -> null,
                (a, i) -> addresses.contains(a), new OSCMessage("/sync", List.of(n)));
    }

    /** {@code address} with {@code id} answered by {@code /done s:address i:id}. */
    CompletableFuture<Void> done(String address, int id, List<Object> args) {
        return call(address, args, Replies.done(address, id), m -> null, Replies.errorOn(address, id));
    }

    /** {@code address} answered by a message at {@code reply}. */
    <T> CompletableFuture<T> query(String address, List<Object> args, String reply, Function<OSCMessage, T> value) {
        return call(address, args, m -> m.getAddress().equals(reply), value, Replies.errorOn(address));
    }

    <T> CompletableFuture<T> call(String address, List<Object> args, Predicate<OSCMessage> reply,
            Function<OSCMessage, T> value, BiPredicate<String, Integer> error) {
        return request(address, new OSCMessage(address, new ArrayList<>(args)), reply, value, error, null);
    }

    /** Registers the expectation, then sends {@code packet} (and {@code then}, if any). */
    private <T> CompletableFuture<T> request(String what, OSCPacket packet, Predicate<OSCMessage> reply,
            Function<OSCMessage, T> value, BiPredicate<String, Integer> error, OSCPacket then) {
        CompletableFuture<T> future = replies.expect(what, reply, value, error, timeoutMillis);
        if (future.isDone()) {
            return future; // refused: closed
        }
        try {
            connection.send(packet);
            if (then != null) {
                connection.send(then);
            }
        } catch (IOException | RuntimeException e) {
            replies.fail(future, e);
        }
        return future;
    }

    /** Receive thread: see {@link Replies#dispatch}. */
    ServerException dispatch(OSCMessage m) {
        return replies.dispatch(m);
    }

    /** Fails what still waits, and later requests, with an {@link IllegalStateException}; ends the timeout thread. */
    void close() {
        replies.close(what -> new IllegalStateException("client closed before the reply to " + what));
        replies.awaitTermination();
    }

    /** The timeout tasks still queued (for tests). */
    int pendingTimeouts() {
        return replies.pendingTimeouts();
    }
}
