package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import io.jenkins.plugins.stepfunctions.engine.history.EventDetails;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code arn:aws:states:::http:invoke} over plain HTTP: ApiEndpoint, Method, Headers,
 * QueryParameters and RequestBody in; {@code {Headers, ResponseBody, StatusCode, StatusText}} out,
 * as AWS shapes it. A status outside 2xx fails with {@code States.Http.StatusCode.<code>}.
 */
final class HttpInvoke {
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");
    private final HttpClient http;

    HttpInvoke(HttpClient http) {
        this.http = http;
    }

    CompletableFuture<JsonNode> call(JsonNode parameters) {
        String endpoint = parameters.path("ApiEndpoint").asText(null);
        if (endpoint == null) {
            return CompletableFuture.failedFuture(new StatesException(StatesException.RUNTIME,
                    "The http:invoke task needs Parameters.ApiEndpoint (the URL to call)."));
        }
        String method = parameters.path("Method").asText("GET").toUpperCase(java.util.Locale.ROOT);
        StringBuilder url = new StringBuilder(endpoint);
        JsonNode query = parameters.get("QueryParameters");
        if (query != null && query.isObject() && !query.isEmpty()) {
            url.append(endpoint.contains("?") ? '&' : '?');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = query.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!first) {
                    url.append('&');
                }
                first = false;
                url.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(e.getValue().isTextual() ? e.getValue().asText()
                                : EventDetails.text(e.getValue()), StandardCharsets.UTF_8));
            }
        }
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url.toString())).timeout(Duration.ofSeconds(60));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new StatesException(StatesException.RUNTIME,
                    "The http:invoke ApiEndpoint is not a valid URL: " + endpoint));
        }
        boolean hasContentType = false;
        JsonNode headers = parameters.get("Headers");
        if (headers != null && headers.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!RESTRICTED.contains(e.getKey().toLowerCase(java.util.Locale.ROOT))) {
                    request.header(e.getKey(), e.getValue().asText());
                    hasContentType |= e.getKey().equalsIgnoreCase("content-type");
                }
            }
        }
        JsonNode body = parameters.get("RequestBody");
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        if (body != null && !body.isNull()) {
            publisher = HttpRequest.BodyPublishers.ofString(body.isTextual() ? body.asText() : EventDetails.text(body));
            if (!hasContentType) {
                request.header("Content-Type", body.isTextual() ? "text/plain" : "application/json");
            }
        }
        request.method(method, publisher);
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply(HttpInvoke::result);
    }

    private static JsonNode result(HttpResponse<String> response) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode headers = out.putObject("Headers");
        response.headers().map().forEach((k, v) -> {
            var arr = headers.putArray(k);
            for (String s : v) {
                arr.add(s);
            }
        });
        String text = response.body() == null ? "" : response.body();
        JsonNode parsed = null;
        String type = response.headers().firstValue("content-type").orElse("");
        if (type.contains("json") && !text.isBlank()) {
            JsonNode p = ExecutionRun.parse(text);
            parsed = p.isTextual() && !text.trim().startsWith("\"") ? null : p;
        }
        if (parsed != null) {
            out.set("ResponseBody", parsed);
        } else {
            out.put("ResponseBody", text);
        }
        out.put("StatusCode", response.statusCode());
        out.put("StatusText", statusText(response.statusCode()));
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw new StatesException("States.Http.StatusCode." + response.statusCode(), EventDetails.text(out));
        }
        return out;
    }

    private static String statusText(int code) {
        return switch (code) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> Integer.toString(code);
        };
    }
}
