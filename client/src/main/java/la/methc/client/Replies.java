package la.methc.client;

import com.illposed.osc.OSCMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The requests waiting for their reply, in the order they were sent. A reply goes to the first request it answers
 * (so two {@code /status} get their replies in order); an {@code /error} to the first whose address it names,
 * with the request's id or -1 (the engine answers -1 where it has no id). Completes the futures outside the lock,
 * on the receive thread. Owns the timeout thread: a request's timeout task is cancelled, and leaves the queue, as
 * soon as its future completes (however), so requests at bench rates do not pile up tasks. Thread-safe.
 */
final class Replies {

    /** One request's expectations. */
    private static final class Waiter<T> {
        final String what;
        final Predicate<OSCMessage> reply;
        final Function<OSCMessage, T> value;
        final BiPredicate<String, Integer> error;
        final CompletableFuture<T> future = new CompletableFuture<>();
        /** Null without a timeout, or until scheduled. */
        volatile ScheduledFuture<?> timeout;

        Waiter(String what, Predicate<OSCMessage> reply, Function<OSCMessage, T> value,
                BiPredicate<String, Integer> error) {
            this.what = what;
            this.reply = reply;
            this.value = value;
            this.error = error;
        }

        /** Cancels the timeout task first, so it has left the queue once the future completes. */
        void cancelTimeout() {
            ScheduledFuture<?> t = timeout;
            if (t != null) {
                t.cancel(false);
            }
        }

        void fail(Throwable cause) {
            cancelTimeout();
            future.completeExceptionally(cause);
        }

        void complete(OSCMessage m) {
            cancelTimeout();
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
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "methcla-client-timeouts");
        t.setDaemon(true);
        return t;
    });
    /** Null while open; then what the requests fail with, given what they asked. */
    private Function<String, Exception> closed;

    Replies() {
        timer.setRemoveOnCancelPolicy(true);
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
     * {@code timeoutMillis} (0: never), and at once once closed. A future completed by its caller (cancelled)
     * stops waiting too.
     */
    <T> CompletableFuture<T> expect(String what, Predicate<OSCMessage> reply, Function<OSCMessage, T> value,
            BiPredicate<String, Integer> error, long timeoutMillis) {
        Waiter<T> w = new Waiter<>(what, reply, value, error);
        Exception refused = null;
        synchronized (this) {
            if (closed != null) {
                refused = closed.apply(what);
            } else {
                waiters.add(w);
            }
        }
        if (refused != null) {
            w.future.completeExceptionally(refused);
            return w.future;
        }
        if (timeoutMillis > 0) {
            w.timeout = timer.schedule(() -> {
                if (remove(w)) {
                    w.future.completeExceptionally(new TimeoutException("no reply to " + what + " within "
                            + timeoutMillis + " ms"));
                }
            }, timeoutMillis, TimeUnit.MILLISECONDS);
        }
        // completed meanwhile, or later by its caller (cancelled): stop waiting
        w.future.whenComplete((v, e) -> {
            remove(w);
            w.cancelTimeout();
        });
        return w.future;
    }

    /** The timeout tasks still queued (for tests). */
    int pendingTimeouts() {
        return timer.getQueue().size();
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
            found.fail(cause);
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
            found.fail(error);
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

    /**
     * Fails every waiting request with {@code failure} of what it asked, and every later one at once; the first
     * close decides. Ends the timeout thread.
     */
    void close(Function<String, Exception> failure) {
        List<Waiter<?>> left;
        synchronized (this) {
            if (closed != null) {
                return;
            }
            closed = failure;
            left = new ArrayList<>(waiters);
            waiters.clear();
        }
        for (Waiter<?> w : left) {
            w.fail(failure.apply(w.what));
        }
        timer.shutdownNow();
    }

    /** Waits for the timeout thread to end (after {@link #close}). */
    void awaitTermination() {
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
