package la.methc.osc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A value per short ASCII string read from a packet (an OSC address, a type tag string), made once instead of
 * per packet: a server sees the same few over and over. Direct-mapped; a slot holds the last string that hashed
 * to it. Thread-safe without locks: an entry is immutable, so a reader sees a whole one or none, and a lost race
 * only costs making the value again.
 *
 * @param <T> what is kept per string (the string itself, or something made of it)
 */
final class AsciiCache<T> {

    /** Slots (a power of two). */
    private static final int SIZE = 256;
    /** Longer strings are made each time, not kept. */
    static final int MAX_LENGTH = 64;

    private record Entry<T>(byte[] bytes, T value) {
    }

    private final Function<String, T> make;
    @SuppressWarnings("unchecked")
    private final Entry<T>[] entries = new Entry[SIZE];

    /** @param make the value of a string, made on a miss */
    AsciiCache(Function<String, T> make) {
        this.make = make;
    }

    /** The value of the string in {@code in} from index {@code from} to {@code to}; its bytes are ASCII. */
    T get(ByteBuffer in, int from, int to) {
        int length = to - from;
        if (length > MAX_LENGTH) {
            return make.apply(string(read(in, from, to)));
        }
        int hash = length;
        for (int k = from; k < to; k++) {
            hash = 31 * hash + in.get(k);
        }
        int slot = (hash ^ (hash >>> 16)) & (SIZE - 1);
        Entry<T> e = entries[slot];
        if (e != null && same(e.bytes, in, from, length)) {
            return e.value;
        }
        byte[] bytes = read(in, from, to);
        T value = make.apply(string(bytes));
        entries[slot] = new Entry<>(bytes, value);
        return value;
    }

    private static boolean same(byte[] bytes, ByteBuffer in, int from, int length) {
        if (bytes.length != length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (bytes[k] != in.get(from + k)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] read(ByteBuffer in, int from, int to) {
        byte[] bytes = new byte[to - from];
        in.get(from, bytes);
        return bytes;
    }

    private static String string(byte[] ascii) {
        return new String(ascii, StandardCharsets.US_ASCII);
    }
}
