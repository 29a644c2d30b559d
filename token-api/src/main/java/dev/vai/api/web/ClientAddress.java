package dev.vai.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The client's address: the remote address, unless that is a trusted proxy, in which case {@code X-Forwarded-For} is
 * read from the right, skipping trusted proxies, and the first untrusted hop is the client. A forged header from an
 * untrusted peer changes nothing.
 */
public final class ClientAddress {

    private final List<Range> trusted;

    public ClientAddress(List<String> trustedProxies) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : trustedProxies) {
            if (!entry.isBlank()) {
                ranges.add(Range.parse(entry.strip()));
            }
        }
        this.trusted = List.copyOf(ranges);
    }

    /** Whether the request's immediate peer is a trusted proxy, whose forwarding headers are believed. */
    public boolean fromTrustedProxy(HttpServletRequest request) {
        return !trusted.isEmpty() && isTrusted(request.getRemoteAddr());
    }

    public String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        if (trusted.isEmpty() || !isTrusted(remote)) {
            return remote;
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        String client = remote;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!isLiteralAddress(hop)) {
                break; // garbage in the header: stop at the last address we could vouch for
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client;
    }

    /**
     * The key a client is counted under: an IPv4 address as it is, an IPv6 one by its /64 (its first eight bytes),
     * since one host is commonly given a whole /64; anything that is not an address literal as it is.
     */
    public static String throttleKey(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) {
            return address;
        }
        if (bytes.length == 4) { // also an IPv4-mapped IPv6 address
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        StringBuilder prefix = new StringBuilder(24);
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
        }
        return prefix.append(":/64").toString();
    }

    private boolean isTrusted(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) {
            return false;
        }
        for (Range range : trusted) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLiteralAddress(String text) {
        return literal(text) != null;
    }

    /** The address bytes of an IPv4 or IPv6 literal; null for anything else (never a DNS lookup). */
    static byte[] literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return null;
        }
        boolean v4 = text.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
        boolean v6 = text.indexOf(':') >= 0 && text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')
                || (c >= 'A' && c <= 'F') || c == ':' || c == '.');
        if (!v4 && !v6) {
            return null;
        }
        if (v4) {
            return ipv4(text);
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || Integer.parseInt(parts[i]) > 255) {
                return null;
            }
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return bytes;
    }

    private record Range(byte[] network, int prefixLength) {

        static Range parse(String cidr) {
            int slash = cidr.indexOf('/');
            byte[] address = literal(slash < 0 ? cidr : cidr.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("Not an IP address or CIDR range: " + cidr);
            }
            int prefix = slash < 0 ? address.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("Bad prefix length in " + cidr);
            }
            return new Range(address, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefixLength / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
