package io.jenkins.plugins.stepfunctions.engine.run;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Where http:invoke may not go: hosts outside the configured list, and the engine's own API, which a
 * definition could otherwise drive (start executions, answer its own task tokens). The API is refused
 * twice: by address before the call, and by a per-engine marker header that the API server refuses,
 * which holds whatever name or redirect leads back to it.
 */
final class HttpInvokeGuard {
    /** The header every http:invoke request carries; the engine's API refuses requests with its own marker. */
    static final String MARKER_HEADER = "X-Sfn-Local-Http-Invoke";

    private final HttpInvokeHosts hosts;
    private final String marker;
    private volatile InetSocketAddress ownApi;

    HttpInvokeGuard(HttpInvokeHosts hosts) {
        this.hosts = hosts;
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.marker = HexFormat.of().formatHex(random);
    }

    String marker() {
        return marker;
    }

    void refuse(InetSocketAddress api) {
        this.ownApi = api;
    }

    /** Why {@code url} may not be called, or null when it may. */
    String refusal(URI url) {
        if (url.getHost() == null || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
            return "The http:invoke ApiEndpoint must be an http(s) URL with a host: " + url;
        }
        if (!hosts.allows(url)) {
            return "sfn local refuses to call " + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "")
                    + ": it is not in --http-invoke-hosts (" + hosts + "); add it there to allow the call";
        }
        InetSocketAddress api = ownApi;
        int port = url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        if (api != null && port == api.getPort() && isThisMachine(url.getHost(), api.getAddress())) {
            return "sfn local refuses to call its own API (" + url.getHost() + ":" + port + ") from http:invoke: a"
                    + " definition must not drive the engine that runs it";
        }
        return null;
    }

    private static boolean isThisMachine(String host, InetAddress bound) {
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(literal);
        } catch (UnknownHostException e) {
            return false; // the call fails to connect anyway
        }
        for (InetAddress a : addresses) {
            try {
                if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.equals(bound)
                        || NetworkInterface.getByInetAddress(a) != null) {
                    return true;
                }
            } catch (SocketException e) {
                return true; // cannot tell: refuse
            }
        }
        return false;
    }
}
