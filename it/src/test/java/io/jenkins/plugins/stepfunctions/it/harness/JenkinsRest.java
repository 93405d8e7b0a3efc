package io.jenkins.plugins.stepfunctions.it.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Jenkins' HTTP API as users' tools call it: JSON under {@code /api/json}, {@code config.xml}, form posts,
 * each POST with a CSRF crumb taken in the same HTTP session. Optionally as a user (basic auth with an API
 * token or password).
 */
public final class JenkinsRest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final URI root;
    private final String authorization;
    private final HttpClient http;

    JenkinsRest(URI root) {
        this(root, null);
    }

    private JenkinsRest(URI root, String authorization) {
        this.root = root;
        this.authorization = authorization;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public URI root() {
        return root;
    }

    /** The same API, as {@code user} (basic authentication, its own HTTP session). */
    public JenkinsRest as(String user, String password) {
        return new JenkinsRest(root, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (HTTP " + status + "): " + body, e);
            }
        }
    }

    public Response get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    /** GET that must answer 200. */
    public String page(String path) throws IOException, InterruptedException {
        Response response = get(path);
        if (response.status() != 200) {
            throw new IllegalStateException("GET " + path + ": HTTP " + response.status() + "\n" + response.body());
        }
        return response.body();
    }

    public JsonNode json(String path) throws IOException, InterruptedException {
        Response response = get(path);
        if (response.status() != 200) {
            throw new IllegalStateException("GET " + path + ": HTTP " + response.status() + "\n" + response.body());
        }
        return response.json();
    }

    public Response post(String path, String contentType, String body) throws IOException, InterruptedException {
        return post(path, contentType, body, Map.of());
    }

    /** A POST with a crumb and more headers (an {@code Accept}, as a page's script sends it). */
    public Response post(String path, String contentType, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        headers.forEach(builder::header);
        JsonNode crumb = crumb();
        if (crumb != null) {
            builder.header(crumb.get("crumbRequestField").asText(), crumb.get("crumb").asText());
        }
        return send(builder.build());
    }

    /** A POST without a crumb, to prove an endpoint refuses it. */
    public Response postWithoutCrumb(String path) throws IOException, InterruptedException {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    public Response postForm(String path, Map<String, String> form) throws IOException, InterruptedException {
        return postForm(path, form, Map.of());
    }

    public Response postForm(String path, Map<String, String> form, Map<String, String> headers)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return post(path, "application/x-www-form-urlencoded", body, headers);
    }

    private JsonNode crumb() throws IOException, InterruptedException {
        Response response = send(request("crumbIssuer/api/json").GET().build());
        return response.status() == 200 ? response.json() : null;
    }

    /** {@code POST /createItem?name=...} with a {@code config.xml}. */
    public void createItem(String name, String configXml) throws IOException, InterruptedException {
        Response response = post("createItem?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                "application/xml", configXml);
        if (response.status() != 200) {
            throw new IllegalStateException("createItem " + name + ": HTTP " + response.status() + "\n" + response.body());
        }
    }

    /** A Pipeline job running {@code script} in the Groovy sandbox, as a non-administrator's job would. */
    public void createPipeline(String name, String script) throws IOException, InterruptedException {
        createItem(name, """
                <flow-definition plugin="workflow-job">
                  <definition class="org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition" plugin="workflow-cps">
                    <script>%s</script>
                    <sandbox>true</sandbox>
                  </definition>
                </flow-definition>
                """.formatted(xmlEscape(script)));
    }

    /** Queues a build and waits until it has a number. */
    public int build(String job) throws IOException, InterruptedException {
        return queue(job, post("job/" + job + "/build", null, ""));
    }

    /** Queues a build of a parameterised job ({@code query}: {@code NAME=value&...}, URL-encoded). */
    public int buildWithParameters(String job, String query) throws IOException, InterruptedException {
        return queue(job, post("job/" + job + "/buildWithParameters?" + query, null, ""));
    }

    private int queue(String job, Response queued) throws IOException, InterruptedException {
        if (queued.status() != 201) {
            throw new IllegalStateException("build " + job + ": HTTP " + queued.status() + "\n" + queued.body());
        }
        String item = URI.create(queued.headers().firstValue("Location").orElseThrow()).getPath();
        String path = item.substring(1) + "api/json";
        return Eventually.value(Duration.ofSeconds(60), "build of " + job + " to leave the queue", () -> {
            JsonNode executable = json(path).path("executable");
            return executable.isMissingNode() || executable.isNull() ? null : executable.get("number").asInt();
        });
    }

    /** Waits for the build to end; returns its result (SUCCESS, FAILURE, ABORTED...). */
    public String awaitResult(String job, int number, Duration timeout) throws IOException, InterruptedException {
        return Eventually.value(timeout, job + " #" + number + " to finish", () -> {
            JsonNode build = json("job/" + job + "/" + number + "/api/json?tree=building,result");
            return build.get("building").asBoolean() || build.get("result").isNull() ? null : build.get("result").asText();
        });
    }

    public String console(String job, int number) throws IOException, InterruptedException {
        return page("job/" + job + "/" + number + "/consoleText");
    }

    /** Waits until the console holds {@code text}; returns the console then. */
    public String awaitConsole(String job, int number, String text, Duration timeout)
            throws IOException, InterruptedException {
        return awaitConsole(job, number, c -> c.contains(text), "console of " + job + " #" + number
                + " to show '" + text + "'", timeout);
    }

    public String awaitConsole(String job, int number, Predicate<String> condition, String what, Duration timeout)
            throws IOException, InterruptedException {
        return Eventually.value(timeout, what, () -> {
            Response response = get("job/" + job + "/" + number + "/consoleText");
            return response.status() == 200 && condition.test(response.body()) ? response.body() : null;
        });
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(root.resolve(path)).timeout(CALL_TIMEOUT);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response.headers());
    }

    public static String xmlEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
