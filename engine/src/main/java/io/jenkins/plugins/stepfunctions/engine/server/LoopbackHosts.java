package io.jenkins.plugins.stepfunctions.engine.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a request's {@code Host} names loopback: {@code localhost} or a loopback address literal
 * ({@code 127.0.0.0/8}, {@code [::1]}), with or without a port. Never looks a name up: a name that
 * an attacker's DNS points at 127.0.0.1 (DNS rebinding) is exactly what must be refused.
 */
final class LoopbackHosts {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern PORT = Pattern.compile(":\\d{1,5}$");

    private LoopbackHosts() {
    }

    /** True for loopback names and for a missing header (HTTP/1.0 clients; browsers always send one). */
    static boolean isLoopback(String hostHeader) {
        if (hostHeader == null) {
            return true;
        }
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            if (end < 0 || !(end == host.length() - 1 || PORT.matcher(host.substring(end + 1)).matches())) {
                return false;
            }
            return literalIsLoopback(host.substring(1, end));
        }
        host = PORT.matcher(host).replaceFirst("");
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.equals("localhost")) {
            return true;
        }
        return IPV4.matcher(host).matches() && literalIsLoopback(host);
    }

    private static boolean literalIsLoopback(String literal) {
        if (!literal.matches("[0-9a-f:.]+")) {
            return false;
        }
        try {
            // A literal (digits, dots, colons only) is parsed, never resolved.
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
