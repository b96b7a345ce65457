package la.methc.engine.internal.osc;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link UdpClient}s of a {@link UdpTransport}'s senders, one per remote address, so that a datagram costs
 * no new client (nor address) at high rates: the last sender's is found by identity (the socket hands back the
 * same {@link InetAddress} object while the sender stays the same), the {@value #CAPACITY} most recent ones by
 * address. A sender the {@link AllowList} refuses gets none. Since clients are equal by remote address, a client
 * dropped from here and made again is the same client to the rest of the engine. Receive thread only.
 */
final class UdpSenders {

    static final int CAPACITY = 256;

    private final DatagramSocket socket;
    private final AllowList allow;
    private final Map<InetSocketAddress, UdpClient> recent = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, UdpClient> eldest) {
            return size() > CAPACITY;
        }
    };
    private InetAddress lastAddress;
    private int lastPort;
    private UdpClient last;

    UdpSenders(DatagramSocket socket, AllowList allow) {
        this.socket = socket;
        this.allow = allow;
    }

    /** The client of the sender at {@code address} and {@code port}, or null if the allow-list refuses it. */
    UdpClient clientOf(InetAddress address, int port) {
        if (address == lastAddress && port == lastPort) {
            return last;
        }
        InetSocketAddress remote = new InetSocketAddress(address, port);
        UdpClient c = recent.get(remote);
        if (c == null) {
            if (!allow.allows(address)) {
                return null;
            }
            c = new UdpClient(socket, remote);
            recent.put(remote, c);
        }
        lastAddress = address;
        lastPort = port;
        last = c;
        return c;
    }

    /** How many senders are remembered (for tests). */
    int size() {
        return recent.size();
    }
}
