package dev.outbound.runtime.egress;

import java.net.InetAddress;

/**
 * The one place that decides what kind of network an IP address is on (Smokescreen's {@code
 * classifyAddr}, made stricter).
 *
 * <p>IPv4, most specific first:
 *
 * <pre>
 *   0.0.0.0/8           unspecified ("this network")
 *   10.0.0.0/8          private (RFC 1918)
 *   100.64.0.0/10       carrier-grade NAT (RFC 6598)
 *   127.0.0.0/8         loopback
 *   169.254.0.0/16      link-local, including the cloud metadata address 169.254.169.254
 *   172.16.0.0/12       private (RFC 1918)
 *   192.0.0.0/24        reserved: IETF protocol assignments
 *   192.0.2.0/24        reserved: documentation (TEST-NET-1)
 *   192.88.99.0/24      reserved: deprecated 6to4 relay anycast
 *   192.168.0.0/16      private (RFC 1918)
 *   198.18.0.0/15       reserved: benchmarking
 *   198.51.100.0/24     reserved: documentation (TEST-NET-2)
 *   203.0.113.0/24      reserved: documentation (TEST-NET-3)
 *   224.0.0.0/4         multicast
 *   255.255.255.255/32  broadcast
 *   240.0.0.0/4         reserved: future use
 *   everything else     public
 * </pre>
 *
 * <p>IPv6 addresses that carry an IPv4 address are classified by that IPv4 address, because that is
 * where a translator or tunnel would deliver the packet:
 *
 * <pre>
 *   ::ffff:0:0/96       IPv4-mapped
 *   ::ffff:0:0:0/96     IPv4-translated (SIIT)
 *   ::/96               IPv4-compatible (except :: and ::1)
 *   64:ff9b::/96        NAT64 well-known prefix
 *   64:ff9b:1::/48      NAT64 local-use prefix; only the /96 embedding (zeros before the last 32
 *                       bits) is understood, any other address in it is reserved
 *   2001::/32           Teredo; the client address, stored inverted in the last 32 bits
 *   2002::/16           6to4; the address in bits 16 to 47
 * </pre>
 *
 * <p>Other IPv6, most specific first:
 *
 * <pre>
 *   ::/128              unspecified
 *   ::1/128             loopback
 *   100::/64            reserved: discard-only
 *   2001::/23           reserved: IETF protocol assignments (benchmarking, ORCHID, ...)
 *   2001:db8::/32       reserved: documentation
 *   3fff::/20           reserved: documentation (RFC 9637)
 *   fc00::/7            private (unique local)
 *   fe80::/10           link-local
 *   fec0::/10           private (deprecated site-local)
 *   ff00::/8            multicast
 *   2000::/3            public (global unicast)
 *   everything else     reserved
 * </pre>
 */
public final class AddressClassifier {

  private record Ipv4Range(int network, int bits, AddressClass addressClass) {
    boolean contains(int address) {
      int mask = -1 << (32 - bits);
      return (address & mask) == network;
    }
  }

  /** An IPv6 range no longer than /64, so that it is decided by the high 64 bits alone. */
  private record Ipv6Range(long network, int bits, AddressClass addressClass) {
    boolean contains(long high) {
      long mask = -1L << (64 - bits);
      return (high & mask) == network;
    }
  }

  private static final Ipv4Range[] IPV4_RANGES = {
    ipv4(0, 0, 0, 0, 8, AddressClass.UNSPECIFIED),
    ipv4(10, 0, 0, 0, 8, AddressClass.PRIVATE),
    ipv4(100, 64, 0, 0, 10, AddressClass.CGNAT),
    ipv4(127, 0, 0, 0, 8, AddressClass.LOOPBACK),
    ipv4(169, 254, 0, 0, 16, AddressClass.LINK_LOCAL),
    ipv4(172, 16, 0, 0, 12, AddressClass.PRIVATE),
    ipv4(192, 0, 0, 0, 24, AddressClass.RESERVED),
    ipv4(192, 0, 2, 0, 24, AddressClass.RESERVED),
    ipv4(192, 88, 99, 0, 24, AddressClass.RESERVED),
    ipv4(192, 168, 0, 0, 16, AddressClass.PRIVATE),
    ipv4(198, 18, 0, 0, 15, AddressClass.RESERVED),
    ipv4(198, 51, 100, 0, 24, AddressClass.RESERVED),
    ipv4(203, 0, 113, 0, 24, AddressClass.RESERVED),
    ipv4(224, 0, 0, 0, 4, AddressClass.MULTICAST),
    ipv4(255, 255, 255, 255, 32, AddressClass.BROADCAST),
    ipv4(240, 0, 0, 0, 4, AddressClass.RESERVED),
  };

  private static final Ipv6Range[] IPV6_RANGES = {
    ipv6(0x0100_0000_0000_0000L, 64, AddressClass.RESERVED),
    ipv6(0x2001_0000_0000_0000L, 23, AddressClass.RESERVED),
    ipv6(0x2001_0db8_0000_0000L, 32, AddressClass.RESERVED),
    ipv6(0x3fff_0000_0000_0000L, 20, AddressClass.RESERVED),
    ipv6(0xfc00_0000_0000_0000L, 7, AddressClass.PRIVATE),
    ipv6(0xfe80_0000_0000_0000L, 10, AddressClass.LINK_LOCAL),
    ipv6(0xfec0_0000_0000_0000L, 10, AddressClass.PRIVATE),
    ipv6(0xff00_0000_0000_0000L, 8, AddressClass.MULTICAST),
    ipv6(0x2000_0000_0000_0000L, 3, AddressClass.PUBLIC),
  };

  private static final long NAT64_WELL_KNOWN = 0x0064_ff9b_0000_0000L;
  private static final long NAT64_LOCAL_USE_48 = 0x0064_ff9b_0001L;
  private static final long TEREDO_32 = 0x2001_0000L;
  private static final long SIX_TO_FOUR_16 = 0x2002L;

  private AddressClassifier() {}

  /**
   * The class of an IPv4 or IPv6 address; IPv6 forms that embed IPv4 get the embedded address's
   * class.
   */
  public static AddressClass classify(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length == 4) {
      return classifyIpv4(toInt(bytes, 0));
    }
    long high = toLong(bytes, 0);
    long low = toLong(bytes, 8);
    int lowTop = (int) (low >>> 32);
    int lowBottom = (int) low;
    if (high == 0) {
      if (low == 0) {
        return AddressClass.UNSPECIFIED;
      }
      if (low == 1) {
        return AddressClass.LOOPBACK;
      }
      if (lowTop == 0x0000_ffff || lowTop == 0xffff_0000 || lowTop == 0) {
        return classifyIpv4(lowBottom); // mapped, translated, compatible
      }
      return AddressClass.RESERVED;
    }
    if (high == NAT64_WELL_KNOWN && lowTop == 0) {
      return classifyIpv4(lowBottom);
    }
    if (high >>> 16 == NAT64_LOCAL_USE_48) {
      boolean ninetySixEmbedding = (high & 0xffff) == 0 && lowTop == 0;
      return ninetySixEmbedding ? classifyIpv4(lowBottom) : AddressClass.RESERVED;
    }
    if (high >>> 32 == TEREDO_32) {
      return classifyIpv4(~lowBottom);
    }
    if (high >>> 48 == SIX_TO_FOUR_16) {
      return classifyIpv4((int) (high >>> 16));
    }
    for (Ipv6Range range : IPV6_RANGES) {
      if (range.contains(high)) {
        return range.addressClass();
      }
    }
    return AddressClass.RESERVED;
  }

  private static AddressClass classifyIpv4(int address) {
    for (Ipv4Range range : IPV4_RANGES) {
      if (range.contains(address)) {
        return range.addressClass();
      }
    }
    return AddressClass.PUBLIC;
  }

  private static Ipv4Range ipv4(int a, int b, int c, int d, int bits, AddressClass addressClass) {
    return new Ipv4Range(a << 24 | b << 16 | c << 8 | d, bits, addressClass);
  }

  private static Ipv6Range ipv6(long network, int bits, AddressClass addressClass) {
    return new Ipv6Range(network, bits, addressClass);
  }

  private static int toInt(byte[] bytes, int offset) {
    return (bytes[offset] & 0xff) << 24
        | (bytes[offset + 1] & 0xff) << 16
        | (bytes[offset + 2] & 0xff) << 8
        | bytes[offset + 3] & 0xff;
  }

  private static long toLong(byte[] bytes, int offset) {
    return (long) toInt(bytes, offset) << 32 | toInt(bytes, offset + 4) & 0xffff_ffffL;
  }
}
