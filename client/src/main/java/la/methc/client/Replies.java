package la.methc.client;

import com.illposed.osc.OSCMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The requests waiting for their reply, in the order they were sent. A reply goes to the first request it answers
 * (so two {@code /status} get their replies in order); an {@code /error} to the first whose address it names,
 * with the request's id or -1 (the engine answers -1 where it has no id). Completes the futures outside the lock,
 * on the receive thread. Thread-safe.
 */
final class Replies {

    /** One request's expectations. */
    private static final class Waiter<T> {
        final String what;
        final Predicate<OSCMessage> reply;
        final Function<OSCMessage, T> value;
        final BiPredicate<String, Integer> error;
        final CompletableFuture<T> future = new CompletableFuture<>();

        Waiter(String what, Predicate<OSCMessage> reply, Function<OSCMessage, T> value,
                BiPredicate<String, Integer> error) {
            this.what = what;
            this.reply = reply;
            this.value = value;
            this.error = error;
        }

        void complete(OSCMessage m) {
            T v;
            try {
                v = value.apply(m);
            } catch (RuntimeException e) {
                future.completeExceptionally(new IllegalStateException("malformed reply to " + what + ": " + m.getAddress()
                        + " " + m.getArguments(), e));
                return;
            }
            future.complete(v);
        }
    }

    private final List<Waiter<?>> waiters = new ArrayList<>();
    private final ScheduledExecutorService timer;
    private boolean closed;

    Replies(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** An error predicate: {@code address} with {@code id}, or with -1. */
    static BiPredicate<String, Integer> errorOn(String address, int id) {
        return (a, i) -> a.equals(address) && (i == id || i == -1);
    }

    /** An error predicate: {@code address}, whatever the id. */
    static BiPredicate<String, Integer> errorOn(String address) {
        return (a, i) -> a.equals(address);
    }

    /** A reply predicate: {@code /done s:command} (with {@code id} as its second argument unless id is null). */
    static Predicate<OSCMessage> done(String command, Integer id) {
        return m -> m.getAddress().equals("/done") && !m.getArguments().isEmpty()
                && command.equals(m.getArguments().get(0))
                && (id == null || m.getArguments().size() > 1 && id.equals(m.getArguments().get(1)));
    }

    /** A reply predicate: {@code address} whose first argument is {@code id}. */
    static Predicate<OSCMessage> withId(String address, int id) {
        return m -> m.getAddress().equals(address) && !m.getArguments().isEmpty()
                && m.getArguments().get(0) instanceof Integer i && i == id;
    }

    /**
     * Registers a request before it is sent; its future fails with a {@link TimeoutException} after
     * {@code timeoutMillis}.
     */
    <T> CompletableFuture<T> expect(String what, Predicate<OSCMessage> reply, Function<OSCMessage, T> value,
            BiPredicate<String, Integer> error, long timeoutMillis) {
        Waiter<T> w = new Waiter<>(what, reply, value, error);
        synchronized (this) {
            if (closed) {
                w.future.completeExceptionally(new IllegalStateException("client closed"));
                return w.future;
            }
            waiters.add(w);
        }
        if (timeoutMillis > 0) {
            timer.schedule(() -> {
                if (remove(w)) {
                    w.future.completeExceptionally(new TimeoutException("no reply to " + what + " within "
                            + timeoutMillis + " ms"));
                }
            }, timeoutMillis, TimeUnit.MILLISECONDS);
        }
        return w.future;
    }

    /** Fails {@code future}'s request with {@code cause} (it could not be sent). */
    void fail(CompletableFuture<?> future, Throwable cause) {
        Waiter<?> found = null;
        synchronized (this) {
            for (Iterator<Waiter<?>> it = waiters.iterator(); it.hasNext(); ) {
                Waiter<?> w = it.next();
                if (w.future == future) {
                    it.remove();
                    found = w;
                    break;
                }
            }
        }
        if (found != null) {
            found.future.completeExceptionally(cause);
        }
    }

    private synchronized boolean remove(Waiter<?> w) {
        return waiters.remove(w);
    }

    /**
     * Receive thread: gives {@code m} to the first request it answers. Returns the {@link ServerException} of an
     * {@code /error} or {@code /resource/error} no request took (for the error listeners), else null.
     */
    ServerException dispatch(OSCMessage m) {
        ServerException error = asError(m);
        Waiter<?> found = null;
        synchronized (this) {
            for (Iterator<Waiter<?>> it = waiters.iterator(); it.hasNext(); ) {
                Waiter<?> w = it.next();
                boolean mine = error != null ? w.error.test(error.address(), error.id()) : w.reply.test(m);
                if (mine) {
                    it.remove();
                    found = w;
                    break;
                }
            }
        }
        if (found == null) {
            return error;
        }
        if (error != null) {
            found.future.completeExceptionally(error);
        } else {
            found.complete(m);
        }
        return null;
    }

    private static ServerException asError(OSCMessage m) {
        List<Object> a = m.getArguments();
        if (m.getAddress().equals("/error") && a.size() >= 3 && a.get(1) instanceof Integer id) {
            return new ServerException("/error", a.get(0).toString(), id, a.get(2).toString());
        }
        if (m.getAddress().equals("/resource/error") && a.size() >= 2 && a.get(0) instanceof Integer id) {
            return new ServerException("/resource/error", "/resource/new", id, a.get(1).toString());
        }
        return null;
    }

    /** Fails every waiting request; later ones fail at once. */
    void close() {
        List<Waiter<?>> left;
        synchronized (this) {
            closed = true;
            left = new ArrayList<>(waiters);
            waiters.clear();
        }
        for (Waiter<?> w : left) {
            w.future.completeExceptionally(new IllegalStateException("client closed before the reply to " + w.what));
        }
    }
}
