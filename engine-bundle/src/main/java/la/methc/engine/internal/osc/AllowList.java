package la.methc.engine.internal.osc;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The client addresses the OSC transports serve (engine option {@code allow}): a comma-separated list of IP
 * addresses and CIDR blocks, IPv4 and IPv6, e.g. {@code 192.168.1.20, 10.0.0.0/8, ::1, fd00::/8}. Empty: every
 * client the bind address lets in. Immutable, thread-safe.
 */
public final class AllowList {

    /** No restriction. */
    public static final AllowList ANY = new AllowList(List.of());

    private final List<AddressBlock> blocks;

    private AllowList(List<AddressBlock> blocks) {
        this.blocks = blocks;
    }

    /**
     * Parses {@code spec} (null or blank: {@link #ANY}). Entries are literals, never looked up in DNS.
     *
     * @throws IllegalArgumentException naming the first malformed entry
     */
    public static AllowList parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return ANY;
        }
        List<AddressBlock> blocks = new ArrayList<>();
        for (String entry : spec.split(",", -1)) {
            String e = entry.trim();
            if (e.isEmpty()) {
                throw new IllegalArgumentException("allow: empty entry in '" + spec + "'");
            }
            try {
                blocks.add(AddressBlock.parse(e));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("allow: " + ex.getMessage()
                        + "; expected IP addresses and CIDR blocks, e.g. 192.168.1.20,10.0.0.0/8,::1,fd00::/8", ex);
            }
        }
        return new AllowList(List.copyOf(blocks));
    }

    /** Whether the list restricts nothing. */
    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** NRT (a network thread). Whether {@code client} may talk to the engine. */
    public boolean allows(InetAddress client) {
        if (blocks.isEmpty()) {
            return true;
        }
        for (AddressBlock b : blocks) {
            if (b.contains(client)) {
                return true;
            }
        }
        return false;
    }

    /** The entries as given, comma-separated; empty for {@link #ANY}. */
    @Override
    public String toString() {
        return blocks.stream().map(AddressBlock::toString).collect(Collectors.joining(","));
    }
}
