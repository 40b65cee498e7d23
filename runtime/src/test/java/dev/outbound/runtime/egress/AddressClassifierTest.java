package dev.outbound.runtime.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every range in the table, at its first and last address and just outside it. */
class AddressClassifierTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "0.0.0.0, UNSPECIFIED",
    "0.255.255.255, UNSPECIFIED",
    "1.0.0.0, PUBLIC",
    "9.255.255.255, PUBLIC",
    "10.0.0.0, PRIVATE",
    "10.255.255.255, PRIVATE",
    "11.0.0.0, PUBLIC",
    "100.63.255.255, PUBLIC",
    "100.64.0.0, CGNAT",
    "100.127.255.255, CGNAT",
    "100.128.0.0, PUBLIC",
    "126.255.255.255, PUBLIC",
    "127.0.0.0, LOOPBACK",
    "127.0.0.1, LOOPBACK",
    "127.255.255.255, LOOPBACK",
    "128.0.0.0, PUBLIC",
    "169.253.255.255, PUBLIC",
    "169.254.0.0, LINK_LOCAL",
    "169.254.169.254, LINK_LOCAL",
    "169.254.255.255, LINK_LOCAL",
    "169.255.0.0, PUBLIC",
    "172.15.255.255, PUBLIC",
    "172.16.0.0, PRIVATE",
    "172.31.255.255, PRIVATE",
    "172.32.0.0, PUBLIC",
    "191.255.255.255, PUBLIC",
    "192.0.0.0, RESERVED",
    "192.0.0.255, RESERVED",
    "192.0.1.0, PUBLIC",
    "192.0.1.255, PUBLIC",
    "192.0.2.0, RESERVED",
    "192.0.2.255, RESERVED",
    "192.0.3.0, PUBLIC",
    "192.88.98.255, PUBLIC",
    "192.88.99.0, RESERVED",
    "192.88.99.255, RESERVED",
    "192.88.100.0, PUBLIC",
    "192.167.255.255, PUBLIC",
    "192.168.0.0, PRIVATE",
    "192.168.255.255, PRIVATE",
    "192.169.0.0, PUBLIC",
    "198.17.255.255, PUBLIC",
    "198.18.0.0, RESERVED",
    "198.19.255.255, RESERVED",
    "198.20.0.0, PUBLIC",
    "198.51.99.255, PUBLIC",
    "198.51.100.0, RESERVED",
    "198.51.100.255, RESERVED",
    "198.51.101.0, PUBLIC",
    "203.0.112.255, PUBLIC",
    "203.0.113.0, RESERVED",
    "203.0.113.255, RESERVED",
    "203.0.114.0, PUBLIC",
    "223.255.255.255, PUBLIC",
    "224.0.0.0, MULTICAST",
    "239.255.255.255, MULTICAST",
    "240.0.0.0, RESERVED",
    "255.255.255.254, RESERVED",
    "255.255.255.255, BROADCAST",
    "8.8.8.8, PUBLIC",
  })
  void ipv4(String address, AddressClass expected) throws UnknownHostException {
    assertEquals(expected, AddressClassifier.classify(InetAddress.getByName(address)));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "::, UNSPECIFIED",
    "::1, LOOPBACK",
    "::2, UNSPECIFIED", // IPv4-compatible 0.0.0.2
    "0:0:0:0:0:1::, RESERVED",
    "0:0:0:0:0:fffe::, RESERVED",
    "0:0:0:0:1::, RESERVED",
    "0:0:0:1::, RESERVED",
    "ff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, RESERVED",
    "100::, RESERVED",
    "100::ffff:ffff:ffff:ffff, RESERVED",
    "100:0:0:1::, RESERVED",
    "1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, RESERVED",
    "2000::, PUBLIC",
    "2001:200::, PUBLIC",
    "2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff, RESERVED",
    "2001:1::1, RESERVED",
    "2001:2::, RESERVED",
    "2001:10::, RESERVED",
    "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff, PUBLIC",
    "2001:db8::, RESERVED",
    "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff, RESERVED",
    "2001:db9::, PUBLIC",
    "2001:4860:4860::8888, PUBLIC",
    "2003::, PUBLIC",
    "2001:1:ffff:ffff:ffff:ffff:ffff:ffff, RESERVED",
    "3ffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff, PUBLIC",
    "3fff::, RESERVED",
    "3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff, RESERVED",
    "3fff:1000::, PUBLIC",
    "3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, PUBLIC",
    "4000::, RESERVED",
    "5f00::, RESERVED",
    "fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, RESERVED",
    "fc00::, PRIVATE",
    "fd12:3456::1, PRIVATE",
    "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, PRIVATE",
    "fe00::, RESERVED",
    "fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff, RESERVED",
    "fe80::, LINK_LOCAL",
    "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff, LINK_LOCAL",
    "fec0::, PRIVATE",
    "feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, PRIVATE",
    "ff00::, MULTICAST",
    "ff02::1, MULTICAST",
    "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, MULTICAST",
  })
  void ipv6(String address, AddressClass expected) throws UnknownHostException {
    assertEquals(expected, AddressClassifier.classify(ipv6(address)));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    // IPv4-mapped
    "::ffff:127.0.0.1, LOOPBACK",
    "::ffff:10.1.2.3, PRIVATE",
    "::ffff:169.254.169.254, LINK_LOCAL",
    "::ffff:8.8.8.8, PUBLIC",
    "::ffff:0.0.0.0, UNSPECIFIED",
    // IPv4-translated (SIIT)
    "::ffff:0:127.0.0.1, LOOPBACK",
    "::ffff:0:8.8.8.8, PUBLIC",
    // IPv4-compatible
    "::127.0.0.1, LOOPBACK",
    "::192.168.1.1, PRIVATE",
    "::8.8.8.8, PUBLIC",
    "::255.255.255.255, BROADCAST",
    // NAT64 well-known prefix
    "64:ff9b::127.0.0.1, LOOPBACK",
    "64:ff9b::100.64.0.1, CGNAT",
    "64:ff9b::8.8.8.8, PUBLIC",
    "64:ff9b::1:0:0:1, RESERVED", // in 64:ff9b::/32 but not /96: not a NAT64 address
    // NAT64 local-use prefix
    "64:ff9b:1::10.0.0.1, PRIVATE",
    "64:ff9b:1::8.8.8.8, PUBLIC",
    "64:ff9b:1:ffff::8.8.8.8, RESERVED",
    "64:ff9b:1:0:7f:0:1:0, RESERVED", // 127.0.0.1 in the /64 embedding
    "64:ff9b:2::8.8.8.8, RESERVED",
    // Teredo: client 127.0.0.1 is stored as 80ff:fffe, 8.8.8.8 as f7f7:f7f7
    "2001:0:4136:e378:8000:63bf:80ff:fffe, LOOPBACK",
    "2001:0:4136:e378:8000:63bf:f5ff:fffe, PRIVATE",
    "2001:0:4136:e378:8000:63bf:f7f7:f7f7, PUBLIC",
    "2001:0:ffff:ffff:ffff:ffff:ffff:ffff, UNSPECIFIED",
    // 6to4
    "2002:7f00:1::, LOOPBACK",
    "2002:a9fe:a9fe::1, LINK_LOCAL",
    "2002:c0a8:101::1, PRIVATE",
    "2002:e000:1::, MULTICAST",
    "2002:808:808::1, PUBLIC",
    "2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff, BROADCAST",
  })
  void ipv6EmbeddingIpv4(String address, AddressClass expected) throws UnknownHostException {
    assertEquals(expected, AddressClassifier.classify(ipv6(address)));
  }

  /**
   * Java turns an IPv4-mapped literal into an IPv4 address; rebuild it so the IPv6 path is tested.
   */
  private static Inet6Address ipv6(String literal) throws UnknownHostException {
    byte[] bytes = InetAddress.getByName(literal).getAddress();
    if (bytes.length == 4) {
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      System.arraycopy(bytes, 0, mapped, 12, 4);
      bytes = mapped;
    }
    return Inet6Address.getByAddress(null, bytes, -1);
  }
}
