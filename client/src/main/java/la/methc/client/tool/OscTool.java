package la.methc.client.tool;

import com.illposed.osc.OSCMessage;
import com.illposed.osc.argument.OSCTimeTag64;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import la.methc.client.OscConnection;
import la.methc.osc.NtpTime;

/**
 * {@code methcla osc [--tcp] [--wait MS] HOST PORT MESSAGE [-- MESSAGE ...]}: sends OSC messages (arrays
 * included, which liblo's {@code oscsend} cannot) and prints every reply as one line, e.g.
 * {@code /version.reply "Methcla/J" 0 1 "0.1.0"}, until {@code MS} milliseconds pass without one.
 *
 * <p>Over UDP, a run whose messages leave it registered for notifications ({@code /notify 1}) sends
 * {@code /notify 0} before it exits: the engine cannot tell that a UDP client went away, and would otherwise
 * go on sending notifications to every finished run's port. (Over TCP the engine drops a client whose
 * connection closes.)
 *
 * <p>Runs without OSGi: {@code java -cp methcla-client.jar:osc-codec.jar:javaosc-core.jar:slf4j-api.jar
 * la.methc.client.tool.OscTool ...}. Exit status 0 when sent, 1 when the messages could not be sent, 2 on a bad
 * command line.
 */
public final class OscTool {

    private static final long POLL_MILLIS = 20;
    /** A string argument that is an OSC address is printed as it is, other strings quoted. */
    private static final Pattern ADDRESS = Pattern.compile("/[^\\s\"\\\\]*");

    private OscTool() {
    }

    public static void main(String[] args) {
        quietSlf4j();
        System.exit(run(args, System.out, System.err));
    }

    /** Without an slf4j provider on the class path, slf4j would print three warning lines first. */
    private static void quietSlf4j() {
        if (System.getProperty("slf4j.internal.verbosity") == null
                && OscTool.class.getClassLoader().getResource("META-INF/services/org.slf4j.spi.SLF4JServiceProvider") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
    }

    /** Runs the tool; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (OscToolArgs.isHelp(args)) {
            out.println(OscToolArgs.USAGE);
            return 0;
        }
        OscToolArgs a;
        try {
            a = OscToolArgs.parse(args);
        } catch (OscToolArgs.UsageException e) {
            err.println("methcla osc: " + e.getMessage());
            err.println(OscToolArgs.USAGE);
            return 2;
        }
        try {
            InetAddress.getByName(a.host);
        } catch (UnknownHostException e) {
            err.println("methcla osc: unknown host '" + a.host + "'");
            return 1;
        }
        Replies replies = new Replies();
        try (OscConnection c = a.tcp ? OscConnection.tcp(a.host, a.port) : OscConnection.udp(a.host, a.port)) {
            c.addListener(m -> replies.add(false, format(m)));
            c.addBadPacketListener(reason -> replies.add(true, "methcla osc: malformed reply from " + c.describe()
                    + ": " + reason));
            for (OSCMessage m : a.messages) {
                c.send(m);
            }
            replies.print(out, err, a.waitMillis, a.tcp ? c : null);
            if (!a.tcp && leavesRegistered(a.messages)) {
                c.send(new OSCMessage("/notify", List.of(0)));
            }
        } catch (IOException e) {
            err.println("methcla osc: " + (a.tcp ? "tcp " : "udp ") + a.host + ":" + a.port + ": " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("methcla osc: " + e.getMessage());
            return 1;
        }
        out.flush();
        return 0;
    }

    /** Whether the last {@code /notify} among {@code messages} registers (an int argument other than 0). */
    static boolean leavesRegistered(List<OSCMessage> messages) {
        boolean registered = false;
        for (OSCMessage m : messages) {
            if (m.getAddress().equals("/notify") && !m.getArguments().isEmpty()) {
                registered = m.getArguments().get(0) instanceof Integer i && i != 0;
            }
        }
        return registered;
    }

    /** Collects replies on the connection's receive thread; {@link #print} prints them on the caller's. */
    private static final class Replies {

        private record Line(boolean error, String text) {
        }

        private final LinkedBlockingQueue<Line> lines = new LinkedBlockingQueue<>();

        void add(boolean error, String text) {
            lines.add(new Line(error, text));
        }

        /** Prints until {@code waitMillis} pass without a reply, or the connection (if any) is closed. */
        void print(PrintStream out, PrintStream err, long waitMillis, OscConnection connection) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
            while (true) {
                long left = deadline - System.nanoTime();
                Line l;
                try {
                    l = lines.poll(Math.max(0, Math.min(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS), left)),
                            TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (l != null) {
                    (l.error ? err : out).println(l.text);
                    deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
                } else if (connection != null && connection.isClosed()) {
                    // the server closed the connection (e.g. after /quit): print what came before, and stop
                    for (Line rest = lines.poll(); rest != null; rest = lines.poll()) {
                        (rest.error ? err : out).println(rest.text);
                    }
                    return;
                } else if (left <= 0) {
                    return;
                }
            }
        }
    }

    /** One reply as a line: the address, then the arguments; strings quoted (addresses not), arrays in [ ]. */
    static String format(OSCMessage m) {
        StringBuilder b = new StringBuilder(m.getAddress());
        for (Object a : m.getArguments()) {
            b.append(' ');
            append(b, a);
        }
        return b.toString();
    }

    private static void append(StringBuilder b, Object a) {
        if (a == null) {
            b.append("nil");
        } else if (a instanceof String s) {
            if (ADDRESS.matcher(s).matches()) {
                b.append(s); // /error /synth/new 5 "reason"
            } else {
                quote(b, s);
            }
        } else if (a instanceof List<?> list) {
            b.append('[');
            for (Object e : list) {
                b.append(' ');
                append(b, e);
            }
            b.append(" ]");
        } else if (a instanceof Boolean bool) {
            b.append(bool ? "true" : "false");
        } else if (a instanceof ByteBuffer blob) {
            b.append("b:");
            ByteBuffer d = blob.duplicate();
            while (d.hasRemaining()) {
                b.append(String.format("%02x", d.get() & 0xff));
            }
        } else if (a instanceof byte[] bytes) {
            append(b, ByteBuffer.wrap(bytes));
        } else if (a instanceof Character c) {
            b.append('\'').append(c).append('\'');
        } else if (a instanceof OSCTimeTag64 t) {
            b.append(t.isImmediate() ? "immediately" : NtpTime.toInstant(t.getNtpTime()).toString()); // NTP, not JavaOSC's 1970
        } else {
            b.append(a);
        }
    }

    private static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        b.append('"');
    }
}
