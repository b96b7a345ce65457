package la.methc.engine.internal.osc;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * One entry of an {@link AllowList}: an IP address or a CIDR block ({@code 10.0.0.0/8}, {@code fd00::/8}). Clients
 * are compared in their own family; an IPv4-mapped IPv6 address ({@code ::ffff:10.1.2.3}) counts as the IPv4
 * address it maps, in the entry and in the client alike. Immutable.
 */
final class AddressBlock {

    /** A dotted quad of decimal octets without leading zeros: the only IPv4 text that is a literal everywhere. */
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** IPv6 text: hex digits and colons, an IPv4 tail allowed; no zone id. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    /** Bits an IPv4-mapped IPv6 address puts before the IPv4 address ({@code ::ffff:0:0/96}). */
    private static final int MAPPED_PREFIX = 96;

    private final byte[] network;
    private final int prefix;
    private final String text;

    private AddressBlock(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /**
     * {@code address} or {@code address/prefix}. The address must be a literal (it is never looked up in DNS); bits
     * below the prefix are ignored ({@code 10.1.2.3/8} is {@code 10.0.0.0/8}).
     *
     * @throws IllegalArgumentException naming the entry and why
     */
    static AddressBlock parse(String entry) {
        int slash = entry.indexOf('/');
        String host = slash < 0 ? entry : entry.substring(0, slash);
        boolean v6Text = IPV6.matcher(host).matches();
        if (!v6Text && !IPV4.matcher(host).matches()) {
            throw bad(entry, "not an IP address literal (names are not looked up)");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host); // a literal by the patterns above: no DNS lookup
        } catch (UnknownHostException e) {
            throw bad(entry, "not an IP address literal");
        }
        // ::ffff:a.b.c.d comes back as an Inet4Address: its prefix counts the 96 mapping bits too
        int bits = address.getAddress().length * 8;
        int offset = v6Text && address instanceof Inet4Address ? MAPPED_PREFIX : 0;
        int prefix = bits;
        if (slash >= 0) {
            String p = entry.substring(slash + 1);
            int written = p.matches("\\d{1,3}") ? Integer.parseInt(p) : -1;
            if (written < offset || written > bits + offset) {
                throw bad(entry, "the prefix length must be " + offset + ".." + (bits + offset));
            }
            prefix = written - offset;
        }
        return new AddressBlock(masked(address.getAddress(), prefix), prefix, entry);
    }

    private static IllegalArgumentException bad(String entry, String why) {
        return new IllegalArgumentException("'" + entry + "': " + why);
    }

    private static byte[] masked(byte[] address, int prefix) {
        byte[] m = address.clone();
        for (int i = 0; i < m.length; i++) {
            m[i] &= (byte) mask(prefix, i);
        }
        return m;
    }

    /** The bits of byte {@code i} that a prefix of {@code prefix} bits keeps (in the low 8 bits). */
    private static int mask(int prefix, int i) {
        return 0xff00 >>> Math.max(0, Math.min(8, prefix - i * 8));
    }

    /** Whether {@code client} lies in this block. */
    boolean contains(InetAddress client) {
        byte[] a = client.getAddress();
        int from = client instanceof Inet6Address && isMapped(a) ? 12 : 0; // compare the IPv4 tail only
        if (a.length - from != network.length) {
            return false;
        }
        for (int i = 0; i < network.length; i++) {
            if ((byte) (a[from + i] & mask(prefix, i)) != network[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMapped(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
    }

    @Override
    public String toString() {
        return text;
    }
}
