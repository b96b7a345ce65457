package la.methc.client.tool;

import com.illposed.osc.OSCMessage;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The command line of {@link OscTool}, parsed. */
final class OscToolArgs {

    static final long DEFAULT_WAIT_MILLIS = 500;

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: methcla osc [--tcp] [--wait MS] HOST PORT MESSAGE [-- MESSAGE ...]",
            "  MESSAGE  /address [ARG ...]",
            "  ARG      i:INT  f:FLOAT  s:TEXT  h:INT64  d:DOUBLE  b:HEX (blob)  T (true)  F (false)  N (nil)",
            "           [ ARG ... ]  an OSC array (nestable, may be empty: [ ])",
            "  --tcp    use TCP (int32 size prefix) instead of UDP",
            "  --wait   print replies until MS milliseconds (default " + DEFAULT_WAIT_MILLIS + ") pass without one",
            "Sends the messages in order, then prints every reply as one line.",
            "example: methcla osc 127.0.0.1 57110 /version -- /notify i:1");

    final String host;
    final int port;
    final boolean tcp;
    final long waitMillis;
    final List<OSCMessage> messages;

    private OscToolArgs(String host, int port, boolean tcp, long waitMillis, List<OSCMessage> messages) {
        this.host = host;
        this.port = port;
        this.tcp = tcp;
        this.waitMillis = waitMillis;
        this.messages = messages;
    }

    /** A command line that cannot be run; the message names the offending token. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static boolean isHelp(String[] args) {
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help")) {
                return true;
            }
            if (a.startsWith("/")) {
                return false;
            }
        }
        return false;
    }

    static OscToolArgs parse(String... args) throws UsageException {
        boolean tcp = false;
        long wait = DEFAULT_WAIT_MILLIS;
        List<String> positional = new ArrayList<>(2);
        int k = 0;
        // options, HOST and PORT, up to the first message
        while (k < args.length) {
            String a = args[k];
            if (a.equals("--tcp")) {
                tcp = true;
            } else if (a.equals("--wait")) {
                if (k + 1 >= args.length) {
                    throw new UsageException("--wait needs a number of milliseconds");
                }
                wait = parseWait(args[++k]);
            } else if (a.startsWith("--wait=")) {
                wait = parseWait(a.substring("--wait=".length()));
            } else if (a.startsWith("/")) {
                break; // the first message
            } else if (a.startsWith("-") && a.length() > 1 && !a.equals("--") && !isNumber(a)) {
                throw new UsageException("unknown option '" + a + "'");
            } else if (positional.size() == 2) {
                break;
            } else {
                positional.add(a);
            }
            k++;
        }
        if (positional.size() < 2) {
            String where = k < args.length ? " before the message '" + args[k] + "'" : "";
            throw new UsageException((positional.isEmpty() ? "missing HOST and PORT" : "missing PORT") + where);
        }
        String host = positional.get(0);
        int port = parsePort(positional.get(1));
        if (k >= args.length) {
            throw new UsageException("missing MESSAGE: an OSC address such as /status");
        }
        List<OSCMessage> messages = new ArrayList<>();
        while (k < args.length) {
            int end = k;
            while (end < args.length && !args[end].equals("--")) {
                end++;
            }
            messages.add(message(args, k, end));
            if (end < args.length && end == args.length - 1) {
                throw new UsageException("missing MESSAGE after the last '--'");
            }
            k = end + 1;
        }
        return new OscToolArgs(host, port, tcp, wait, List.copyOf(messages));
    }

    private static boolean isNumber(String a) {
        try {
            Double.parseDouble(a);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static long parseWait(String v) throws UsageException {
        try {
            long ms = Long.parseLong(v);
            if (ms >= 0) {
                return ms;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException("bad --wait value '" + v + "': expected milliseconds >= 0");
    }

    private static int parsePort(String v) throws UsageException {
        int port;
        try {
            port = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException("bad PORT '" + v + "': expected a number 1..65535");
        }
        if (port < 1 || port > 65535) {
            throw new UsageException("bad PORT '" + v + "': expected a number 1..65535");
        }
        return port;
    }

    /** The message in {@code args[from, to)}: an address and its arguments. */
    static OSCMessage message(String[] args, int from, int to) throws UsageException {
        if (from >= to) {
            throw new UsageException("empty MESSAGE: '--' must be followed by an OSC address such as /status");
        }
        String address = args[from];
        if (!address.startsWith("/")) {
            throw new UsageException("expected an OSC address starting with '/' but got '" + address + "'");
        }
        if (!OSCMessage.isValidAddress(address)) {
            throw new UsageException("bad OSC address '" + address + "'");
        }
        Deque<List<Object>> open = new ArrayDeque<>();
        List<Object> top = new ArrayList<>();
        List<Object> current = top;
        for (int k = from + 1; k < to; k++) {
            String t = args[k];
            if (t.equals("[")) {
                List<Object> array = new ArrayList<>();
                current.add(array);
                open.push(current);
                current = array;
            } else if (t.equals("]")) {
                if (open.isEmpty()) {
                    throw new UsageException("unmatched ']' in " + address);
                }
                current = open.pop();
            } else {
                current.add(argument(t, address));
            }
        }
        if (!open.isEmpty()) {
            throw new UsageException("unclosed '[' in " + address + " (" + open.size() + " open)");
        }
        return new OSCMessage(address, top);
    }

    static Object argument(String t, String address) throws UsageException {
        switch (t) {
            case "T":
                return Boolean.TRUE;
            case "F":
                return Boolean.FALSE;
            case "N":
                return null;
            default:
                break;
        }
        if (t.length() < 2 || t.charAt(1) != ':') {
            throw bad(t, address, "expected i:INT f:FLOAT s:TEXT h:INT64 d:DOUBLE b:HEX T F N [ ] "
                    + "(an array bracket is a token of its own)");
        }
        String v = t.substring(2);
        try {
            switch (t.charAt(0)) {
                case 'i':
                    return Integer.valueOf(v);
                case 'h':
                    return Long.valueOf(v);
                case 'f':
                    return Float.valueOf(number(v));
                case 'd':
                    return Double.valueOf(number(v));
                case 's':
                    return v;
                case 'b':
                    return blob(v);
                default:
                    throw bad(t, address, "unknown type '" + t.charAt(0) + "': expected i f s h d b");
            }
        } catch (NumberFormatException e) {
            String kind = switch (t.charAt(0)) {
                case 'i' -> "a 32-bit integer";
                case 'h' -> "a 64-bit integer";
                case 'f' -> "a float";
                case 'd' -> "a double";
                default -> "hex digit pairs";
            };
            throw bad(t, address, "expected " + kind);
        }
    }

    /** Java would accept "1f" and "2d"; OSC users mean numbers only. */
    private static String number(String v) {
        if (v.isEmpty() || "fFdD".indexOf(v.charAt(v.length() - 1)) >= 0) {
            throw new NumberFormatException(v);
        }
        return v;
    }

    private static ByteBuffer blob(String hex) {
        if (hex.length() % 2 != 0) {
            throw new NumberFormatException(hex);
        }
        byte[] b = new byte[hex.length() / 2];
        for (int k = 0; k < b.length; k++) {
            int hi = Character.digit(hex.charAt(2 * k), 16);
            int lo = Character.digit(hex.charAt(2 * k + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new NumberFormatException(hex);
            }
            b[k] = (byte) (hi << 4 | lo);
        }
        return ByteBuffer.wrap(b);
    }

    private static UsageException bad(String token, String address, String why) {
        return new UsageException("bad argument '" + token + "' in " + address + ": " + why);
    }
}
