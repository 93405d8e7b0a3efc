package io.jenkins.plugins.stepfunctions.it.pipeline;

import static io.jenkins.plugins.stepfunctions.it.harness.Consoles.groovyLiteral;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.stepfunctions.it.harness.Eventually;
import io.jenkins.plugins.stepfunctions.it.harness.JenkinsRest;
import io.jenkins.plugins.stepfunctions.it.harness.JenkinsWithSfnLocal;
import io.jenkins.plugins.stepfunctions.it.harness.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The build's Step Functions page in a real Jenkins: its view-data endpoint answered to a user who may read the
 * job and refused to one who may not, {@code reportFile:} written into the workspace, and (where Debian's
 * chromium and chromedriver are installed) the page opened in headless Chromium: states drawn and coloured, a
 * state named like markup shown as text, and a running execution recoloured live as its approval is answered.
 * Jenkins runs with its own user database and matrix security (build-page-security.groovy).
 */
class BuildPageLiveViewIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String HOSTILE = "<img src=x onerror=window.pwned=1>";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Made each run, so docs/live-view.md shows what the page draws today. */
    /** target/screenshots on every run; docs/images when asked ({@code -Dscreenshots.dir=../docs/images}). */
    private static final Path SCREENSHOT = Path.of(System.getProperty("screenshots.dir", "target/screenshots"), "jenkins-build-page.png");

    @RegisterExtension
    static final JenkinsWithSfnLocal env = new JenkinsWithSfnLocal()
            .withInitScript("build-page-security", Resources.text("build-page-security.groovy"))
            .withStateMachine("hostile", """
                    {"StartAt": "%1$s", "States": {
                      "%1$s": {"Type": "Pass", "Next": "Settle"},
                      "Settle": {"Type": "Wait", "Seconds": 1, "Next": "Done"},
                      "Done": {"Type": "Succeed"}}}""".formatted(HOSTILE));

    private static WebDriver browser;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static JenkinsRest as(String user) {
        return env.rest().as(user, user + "-Secret-2026");
    }

    /** Runs the hostile machine to its end with reportFile; returns the build number. */
    private static int hostileBuild(String job) throws Exception {
        as("admin").createPipeline(job, """
                node {
                  %s {
                    sfnExecute(stateMachine: '%s', buildMetadata: false, reportFile: 'reports/deploy.html')
                  }
                  def html = readFile('reports/deploy.html')
                  echo "REPORT doctype=${html.startsWith('<!DOCTYPE html>')} data=${html.contains('id="sfn-view-data"')} raw=${html.contains('<img src=x')}"
                }
                """.formatted(env.withStepFunctions(), env.stateMachineArn("hostile")));
        int build = as("admin").build(job);
        assertThat(as("admin").awaitResult(job, build, TIMEOUT)).as(as("admin").console(job, build)).isEqualTo("SUCCESS");
        return build;
    }

    @Test
    void viewDataAnswersAReaderWithTheViewAsJsonAndIsRefusedToOthersAndTheReportFileIsWritten() throws Exception {
        String job = "build-page-data";
        int build = hostileBuild(job);
        String data = "job/" + job + "/" + build + "/stepfunctions/viewData?execution=1";

        JenkinsRest.Response read = as("bob").get(data);
        JenkinsRest.Response refused = as("eve").get(data);
        JenkinsRest.Response anonymous = env.rest().get(data);
        JenkinsRest.Response posted = as("admin").post(data, "application/json", "{}");

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(read.body()).doesNotContain("<img").contains("\\u003cimg src=x");
        JsonNode view = read.json();
        assertThat(view.path("execution").path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(view.path("graph").path("nodes").findValuesAsText("name")).containsExactly(HOSTILE, "Settle", "Done");
        assertThat(view.path("states").path(HOSTILE).path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(as("bob").get(data + "&since=" + view.path("lastEventId").asLong()).body()).isEqualTo("{\"unchanged\":true}");
        assertThat(refused.status()).as("eve may not read the job: Jenkins hides it").isIn(403, 404);
        assertThat(refused.body()).doesNotContain("lastEventId");
        assertThat(anonymous.status()).isIn(403, 404);
        assertThat(posted.status()).as("GET only").isEqualTo(405);

        assertThat(as("admin").console(job, build)).contains("REPORT doctype=true data=true raw=false");
        String page = as("bob").page("job/" + job + "/" + build + "/stepfunctions/");
        assertThat(page).contains("data-sfn-view-url=", "/plugin/aws-step-functions/sfn-view/sfn-view.js",
                "/plugin/aws-step-functions/js/build-page.js", "<td>&lt;img src=x onerror=window.pwned=1");
        assertThat(page).as("the state name never as markup").doesNotContain(HOSTILE);
        assertThat(as("bob").get("plugin/aws-step-functions/sfn-view/dagre.min.js").status()).isEqualTo(200);
    }

    @Test
    void theBuildPageDrawsTheExecutionInABrowserAndRecoloursItLiveAsItsApprovalIsAnswered() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            System.err.println("*** BuildPageLiveViewIT browser test SKIPPED: no /usr/bin/chromium or /usr/bin/chromedriver;"
                    + " install them with: apt-get install -y chromium chromium-driver ***");
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "no /usr/bin/chromium or /usr/bin/chromedriver");
        }
        openBrowserAs("bob");

        // a finished build: the final view, a state named like markup drawn as text
        String hostileJob = "build-page-hostile";
        int hostile = hostileBuild(hostileJob);
        browser.get(env.rest().root().resolve("job/" + hostileJob + "/" + hostile + "/stepfunctions/").toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(50));
        wait.until(d -> "SUCCEEDED".equals(statuses(d).get("Done")));
        assertThat(statuses(browser)).containsEntry(HOSTILE, "SUCCEEDED").containsEntry("Settle", "SUCCEEDED");
        assertThat(node(HOSTILE).getText()).contains("<img src=x");
        assertThat(browser.findElements(By.cssSelector("#main-panel img[src=x]"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined")).isEqualTo(true);

        // a running build: approval pending (purple), then answered elsewhere and recoloured without a reload
        String job = "build-page-live";
        as("admin").createPipeline(job, """
                %s {
                  sfnExecute(stateMachine: '%s#HappyPath', input: %s, buildMetadata: false, approvals: 'page')
                }
                """.formatted(env.withStepFunctions(), env.stateMachineArn("approval-flow"),
                groovyLiteral(env.examples().example("approval-flow").input())));
        int build = as("admin").build(job);
        String pageUrl = "job/" + job + "/" + build + "/stepfunctions/";
        Eventually.value(TIMEOUT, "the build page of " + job, () -> as("bob").get(pageUrl).status() == 200 ? true : null);
        browser.get(env.rest().root().resolve(pageUrl).toString());
        Set<String> approvalSeen = new LinkedHashSet<>();
        new WebDriverWait(browser, TIMEOUT, Duration.ofMillis(100)).until(d -> {
            String s = statuses(d).getOrDefault("RequestProductionApproval", "ABSENT");
            approvalSeen.add(s);
            return "APPROVAL_PENDING".equals(s);
        });
        assertThat(statuses(browser)).containsEntry("DeployToStaging", "SUCCEEDED").containsEntry("DeployToProduction", "NOT_REACHED");
        assertThat(fill("RequestProductionApproval")).as("approval pending is purple").isEqualTo("rgb(237, 233, 254)");
        assertThat(fill("DeployToStaging")).as("succeeded is green").isEqualTo("rgb(220, 252, 231)");
        assertThat(fill("DeployToProduction")).as("not reached is grey").isEqualTo("rgb(243, 244, 246)");
        node("RequestProductionApproval").click();
        screenshot();
        ((JavascriptExecutor) browser).executeScript("window.sfnNoReload = true;");

        JenkinsRest.Response approved = as("bob").postForm(pageUrl + "approve", Map.of(
                "execution", executionArn(as("bob").page(pageUrl)), "approval", approvalId(as("bob").page(pageUrl)),
                "comment", "approved from the build page test"));
        assertThat(approved.status()).as(approved.body()).isIn(200, 302, 303);

        new WebDriverWait(browser, TIMEOUT, Duration.ofMillis(100)).until(d -> "SUCCEEDED".equals(statuses(d).get("Released")));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.sfnNoReload === true"))
                .as("recoloured by polling, not by reloading the page").isEqualTo(true);
        assertThat(statuses(browser)).containsEntry("RequestProductionApproval", "SUCCEEDED");
        assertThat(as("admin").awaitResult(job, build, TIMEOUT)).isEqualTo("SUCCESS");
    }

    private static void openBrowserAs(String user) {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1500,1100");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
                options);
        browser.get(env.rest().root().resolve("login").toString());
        browser.findElement(By.name("j_username")).sendKeys(user);
        WebElement password = browser.findElement(By.name("j_password"));
        password.sendKeys(user + "-Secret-2026");
        password.submit();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("login"));
    }

    private static String executionArn(String page) {
        return match(page, "name=\"execution\"[^>]*value=\"([^\"]+)\"");
    }

    private static String approvalId(String page) {
        return match(page, "name=\"approval\"[^>]*value=\"([^\"]+)\"");
    }

    private static String match(String page, String regex) {
        Matcher m = Pattern.compile(regex).matcher(page);
        if (!m.find()) {
            throw new AssertionError("no " + regex + " in the build page:\n" + page);
        }
        return m.group(1).replace("&amp;", "&");
    }

    /** Every state's status read at one instant (one script call), so a poll cannot land between two reads. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> statuses(WebDriver d) {
        return (Map<String, String>) ((JavascriptExecutor) d).executeScript(
                "var m = {}; document.querySelectorAll('g[data-state]').forEach(function (g) {"
                        + " m[g.getAttribute('data-state')] = g.getAttribute('data-status'); }); return m;");
    }

    private static WebElement node(String state) {
        List<WebElement> nodes = browser.findElements(By.cssSelector("g[data-state]"));
        return nodes.stream().filter(e -> state.equals(e.getAttribute("data-state"))).findFirst()
                .orElseThrow(() -> new AssertionError("no node " + state));
    }

    private static String fill(String state) {
        return node(state).findElement(By.cssSelector("rect.sfn-box")).getCssValue("fill");
    }

    private static void screenshot() throws Exception {
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
