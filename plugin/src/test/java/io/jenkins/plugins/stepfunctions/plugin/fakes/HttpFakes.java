package io.jenkins.plugins.stepfunctions.plugin.fakes;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Requests and responses for calling the plugin's web methods directly: dynamic proxies of the servlet (and
 * Stapler) interfaces that answer the few calls those methods make and fail on any other. Limits: no Stapler
 * routing, no crumb filter, no security realm; the tests say which checks they leave to Jenkins.
 */
public final class HttpFakes {
    private HttpFakes() {
    }

    /** A request with a method, a path info and parameters, and no headers. */
    public static <T> T request(Class<T> type, String method, String pathInfo, Map<String, String> parameters) {
        return request(type, method, pathInfo, parameters, Map.of());
    }

    /** A request with a method, a path info, parameters and headers (names as written here). */
    public static <T> T request(Class<T> type, String method, String pathInfo, Map<String, String> parameters,
                                Map<String, String> headers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) ->
                switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getPathInfo" -> pathInfo;
                    case "getRestOfPath" -> pathInfo;
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getHeader" -> headers.get((String) args[0]);
                    case "toString" -> method + " " + pathInfo + " " + parameters;
                    default -> throw new UnsupportedOperationException("request." + m.getName());
                }));
    }

    /** What a web method did to its response. */
    public static final class Recorded {
        public int status = 200;
        public String redirect;
        public String error;
        public final Map<String, String> headers = new HashMap<>();
        public final ByteArrayOutputStream body = new ByteArrayOutputStream();

        public String text() {
            return body.toString(StandardCharsets.UTF_8);
        }
    }

    public static <T> T response(Class<T> type, Recorded recorded) {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                recorded.body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            switch (m.getName()) {
                case "setStatus" -> recorded.status = (Integer) args[0];
                case "sendRedirect" -> {
                    recorded.status = 302;
                    recorded.redirect = (String) args[0];
                }
                case "sendError" -> {
                    recorded.status = (Integer) args[0];
                    recorded.error = args.length > 1 ? (String) args[1] : null;
                }
                case "setContentType" -> recorded.headers.put("Content-Type", (String) args[0]);
                case "setHeader" -> recorded.headers.put((String) args[0], (String) args[1]);
                case "setContentLength" -> recorded.headers.put("Content-Length", String.valueOf(args[0]));
                case "getOutputStream" -> {
                    return out;
                }
                default -> throw new UnsupportedOperationException("response." + m.getName());
            }
            return null;
        }));
    }
}
