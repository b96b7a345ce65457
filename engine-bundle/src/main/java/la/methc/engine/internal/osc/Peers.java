package la.methc.engine.internal.osc;

import java.io.Closeable;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Small helpers for socket addresses and closing. */
final class Peers {

    private Peers() {
    }

    /** {@code 127.0.0.1:50123} or {@code [::1]:50123}. */
    static String describe(SocketAddress address) {
        if (address instanceof InetSocketAddress a) {
            InetAddress ip = a.getAddress();
            String host = ip == null ? a.getHostString() : ip.getHostAddress();
            return (ip instanceof Inet6Address ? "[" + host + "]" : host) + ":" + a.getPort();
        }
        return String.valueOf(address);
    }

    static void closeQuietly(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing: nothing to do
            }
        }
    }

    /** Joins {@code t} (unless it is the current thread); false if it is still alive after {@code millis}. */
    static boolean join(Thread t, long millis) {
        if (t == null || t == Thread.currentThread()) {
            return true;
        }
        boolean interrupted = false;
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (t.isAlive()) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                break;
            }
            try {
                t.join(left);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }
}
