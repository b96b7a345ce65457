package la.methc.engine.internal.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** The {@code allow} option: which client addresses an allow-list lets in, and which entries it refuses. */
class AllowListTest {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code ::ffff:a.b.c.d} as an Inet6Address (the JDK turns the text form into an Inet4Address). */
    private static InetAddress mapped(int a, int b, int c, int d) throws UnknownHostException {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        bytes[12] = (byte) a;
        bytes[13] = (byte) b;
        bytes[14] = (byte) c;
        bytes[15] = (byte) d;
        return Inet6Address.getByAddress(null, bytes, -1);
    }

    @Test
    void emptyOrAbsentAllowsEveryone() {
        for (String spec : new String[] {null, "", "  "}) {
            AllowList any = AllowList.parse(spec);
            assertTrue(any.isEmpty());
            assertTrue(any.allows(ip("203.0.113.7")));
            assertTrue(any.allows(ip("2001:db8::1")));
        }
    }

    @Test
    void singleIpv4Addresses() {
        AllowList a = AllowList.parse("127.0.0.2, 192.168.1.20");
        assertFalse(a.isEmpty());
        assertTrue(a.allows(ip("127.0.0.2")));
        assertTrue(a.allows(ip("192.168.1.20")));
        assertFalse(a.allows(ip("127.0.0.1")));
        assertFalse(a.allows(ip("192.168.1.21")));
        assertFalse(a.allows(ip("::1")), "another family");
        assertEquals("127.0.0.2,192.168.1.20", a.toString());
    }

    @Test
    void ipv4CidrEdges() {
        AllowList a = AllowList.parse("10.1.2.0/23");
        assertTrue(a.allows(ip("10.1.2.0")));
        assertTrue(a.allows(ip("10.1.3.255")));
        assertFalse(a.allows(ip("10.1.1.255")));
        assertFalse(a.allows(ip("10.1.4.0")));
        // host bits below the prefix are ignored
        assertTrue(AllowList.parse("10.1.2.3/8").allows(ip("10.200.0.1")));
        assertFalse(AllowList.parse("10.1.2.3/8").allows(ip("11.0.0.0")));
        // /0 is every IPv4 address, and only those; /32 is one address
        assertTrue(AllowList.parse("0.0.0.0/0").allows(ip("255.255.255.255")));
        assertFalse(AllowList.parse("0.0.0.0/0").allows(ip("::1")));
        assertTrue(AllowList.parse("192.0.2.1/32").allows(ip("192.0.2.1")));
        assertFalse(AllowList.parse("192.0.2.1/32").allows(ip("192.0.2.0")));
        // a prefix that is not a multiple of 8
        AllowList odd = AllowList.parse("192.0.2.128/25");
        assertTrue(odd.allows(ip("192.0.2.200")));
        assertFalse(odd.allows(ip("192.0.2.127")));
    }

    @Test
    void ipv6AddressesAndBlocks() {
        AllowList a = AllowList.parse("::1,fd00::/8,2001:db8:0:1::/64");
        assertTrue(a.allows(ip("::1")));
        assertTrue(a.allows(ip("0:0:0:0:0:0:0:1")));
        assertFalse(a.allows(ip("::2")));
        assertTrue(a.allows(ip("fdff:ffff::1")));
        assertFalse(a.allows(ip("fe00::1")));
        assertTrue(a.allows(ip("2001:db8:0:1:ffff:ffff:ffff:ffff")));
        assertFalse(a.allows(ip("2001:db8:0:2::")));
        assertFalse(a.allows(ip("127.0.0.1")), "another family");
        assertTrue(AllowList.parse("::/0").allows(ip("2001:db8::1")));
    }

    @Test
    void ipv4MappedIpv6CountsAsIpv4() throws Exception {
        // a client seen as ::ffff:10.0.0.5 by a dual-stack socket
        assertTrue(AllowList.parse("10.0.0.0/8").allows(mapped(10, 0, 0, 5)));
        assertFalse(AllowList.parse("10.0.0.0/8").allows(mapped(11, 0, 0, 5)));
        assertTrue(AllowList.parse("127.0.0.1").allows(mapped(127, 0, 0, 1)));
        // an entry written in the mapped form: its prefix counts the 96 mapping bits
        AllowList m = AllowList.parse("::ffff:10.0.0.0/104");
        assertTrue(m.allows(ip("10.9.8.7")));
        assertTrue(m.allows(mapped(10, 9, 8, 7)));
        assertFalse(m.allows(ip("11.0.0.1")));
        assertTrue(AllowList.parse("::ffff:192.0.2.1").allows(ip("192.0.2.1")));
        assertThrows(IllegalArgumentException.class, () -> AllowList.parse("::ffff:10.0.0.0/95"));
    }

    @Test
    void malformedEntriesAreRefusedWithTheEntry() {
        assertRefused("localhost", "'localhost': not an IP address literal");
        assertRefused("10.0.0.1,example.org", "'example.org': not an IP address literal");
        assertRefused("256.0.0.1", "'256.0.0.1': not an IP address literal");
        assertRefused("1.2.3", "'1.2.3': not an IP address literal");
        assertRefused("010.0.0.1", "'010.0.0.1': not an IP address literal");
        assertRefused("fe80::1%eth0", "'fe80::1%eth0': not an IP address literal");
        assertRefused("1:2:3:4:5:6:7:8:9", "'1:2:3:4:5:6:7:8:9': not an IP address literal");
        assertRefused("10.0.0.0/33", "'10.0.0.0/33': the prefix length must be 0..32");
        assertRefused("10.0.0.0/-1", "'10.0.0.0/-1': the prefix length must be 0..32");
        assertRefused("10.0.0.0/", "'10.0.0.0/': the prefix length must be 0..32");
        assertRefused("::/129", "'::/129': the prefix length must be 0..128");
        assertRefused("10.0.0.1,,10.0.0.2", "allow: empty entry in '10.0.0.1,,10.0.0.2'");
        assertRefused("10.0.0.1,", "allow: empty entry");
    }

    private static void assertRefused(String spec, String reasonPart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AllowList.parse(spec), spec);
        assertTrue(e.getMessage().startsWith("allow: "), e.getMessage());
        assertTrue(e.getMessage().contains(reasonPart), e.getMessage());
    }
}
