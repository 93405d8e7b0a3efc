package io.jenkins.plugins.stepfunctions.engine.run;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which hosts {@code http:invoke} tasks may call: every host ({@link #ANY}, the default) or those of a
 * list such as {@code localhost:9000,ci.example.com,*.internal.example.com}. An entry is a host name
 * or address literal as the URL writes it ({@code [::1]} for IPv6), optionally {@code :port}; a
 * leading {@code *.} matches any subdomain. Names are compared as written, never looked up. The
 * engine's own API is refused whatever the list says.
 */
public final class HttpInvokeHosts {
    public static final HttpInvokeHosts ANY = new HttpInvokeHosts(null, "*");

    private record Entry(String host, boolean subdomains, int port) {
        boolean matches(String h, int p) {
            boolean hostMatches = subdomains ? h.endsWith("." + host) : h.equals(host);
            return hostMatches && (port < 0 || port == p);
        }
    }

    private final List<Entry> entries;
    private final String spec;

    private HttpInvokeHosts(List<Entry> entries, String spec) {
        this.entries = entries;
        this.spec = spec;
    }

    /**
     * Parses a comma-separated list; {@code *} alone allows every host.
     *
     * @throws IllegalArgumentException naming the entry that is not a host
     */
    public static HttpInvokeHosts parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("give at least one host, e.g. localhost:9000,ci.example.com, or * for any");
        }
        if (spec.trim().equals("*")) {
            return ANY;
        }
        List<Entry> entries = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String item = raw.trim().toLowerCase(Locale.ROOT);
            if (item.isEmpty()) {
                continue;
            }
            boolean subdomains = item.startsWith("*.");
            String rest = subdomains ? item.substring(2) : item;
            int port = -1;
            String host = rest;
            int colon = rest.lastIndexOf(':');
            if (colon > 0 && (rest.charAt(0) != '[' || rest.charAt(colon - 1) == ']')) {
                try {
                    port = Integer.parseInt(rest.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + raw.trim() + "' is not host[:port]: the port must be a number");
                }
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException("'" + raw.trim() + "': port " + port + " is not 1-65535");
                }
                host = rest.substring(0, colon);
            }
            if (!host.matches("[a-z0-9._-]+|\\[[0-9a-f:.]+\\]")) {
                throw new IllegalArgumentException("'" + raw.trim() + "' is not a host name, address or *.domain");
            }
            entries.add(new Entry(host, subdomains, port));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("give at least one host, e.g. localhost:9000,ci.example.com, or * for any");
        }
        return new HttpInvokeHosts(List.copyOf(entries), spec.trim());
    }

    /** Whether the list lets a task call {@code url}. */
    public boolean allows(URI url) {
        if (entries == null) {
            return true;
        }
        String host = url.getHost();
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        int port = url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        for (Entry e : entries) {
            if (e.matches(host, port)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return spec;
    }
}
