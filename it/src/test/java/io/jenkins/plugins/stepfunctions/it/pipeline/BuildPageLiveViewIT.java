package io.jenkins.plugins.stepfunctions.it.pipeline;

import static io.jenkins.plugins.stepfunctions.it.harness.Consoles.groovyLiteral;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.it.harness.Consoles;
import io.jenkins.plugins.stepfunctions.it.harness.Eventually;
import io.jenkins.plugins.stepfunctions.it.harness.JenkinsRest;
import io.jenkins.plugins.stepfunctions.it.harness.JenkinsWithSfnLocal;
import io.jenkins.plugins.stepfunctions.it.harness.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * The build's Step Functions page in a real Jenkins: its view-data endpoint answered to a user who may read the
 * job and refused to one who may not, {@code reportFile:} written into the workspace, and (where Debian's
 * chromium and chromedriver are installed) the page opened in headless Chromium: states drawn and coloured, a
 * state named like markup shown as text, a pending approval answered with the view's own Approve button by a
 * submitter (and refused, without buttons, to a user outside the submitters), the view recoloured live, and a
 * view that stops polling once the build stops following an execution that goes on. Jenkins runs with its own
 * user database and matrix security (build-page-security.groovy).
 */
class BuildPageLiveViewIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOSTILE = "<img src=x onerror=window.pwned=1>";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Made each run, so docs/live-view.md shows what the page draws today. */
    /** target/screenshots on every run; docs/images when asked ({@code -Dscreenshots.dir=../docs/images}). */
    private static final Path SCREENSHOT = Path.of(System.getProperty("screenshots.dir", "target/screenshots"), "jenkins-build-page.png");
    private static final Path SCREENSHOT_UNFOLLOWED = SCREENSHOT.resolveSibling("jenkins-build-page-unfollowed.png");

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
        assertThat(view.path("final").path("reason").asText()).as("a finished build's view is final")
                .isEqualTo("the build stopped following it");
        assertThat(view.path("cursor").asText()).startsWith(view.path("lastEventId").asLong() + ".");
        assertThat(as("bob").get(data + "&since=" + view.path("cursor").asText()).body()).isEqualTo("{\"unchanged\":true}");
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
    void theBuildPageDrawsTheExecutionAndAnswersItsApprovalFromTheViewOnlyForASubmitter() throws Exception {
        assumeBrowser();
        logInAs("bob");

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

        // a running build (approvals as input steps, the default): approval pending (purple)
        String job = "build-page-live";
        as("admin").createPipeline(job, """
                %s {
                  sfnExecute(stateMachine: '%s#HappyPath', input: %s, buildMetadata: false)
                }
                """.formatted(env.withStepFunctions(), env.stateMachineArn("approval-flow"),
                groovyLiteral(env.examples().example("approval-flow").input())));
        int build = as("admin").build(job);
        String pageUrl = "job/" + job + "/" + build + "/stepfunctions/";
        Eventually.value(TIMEOUT, "the build page of " + job, () -> as("bob").get(pageUrl).status() == 200 ? true : null);

        // mallory may read and build the job but is not among the submitters: no buttons, the reason instead
        logInAs("mallory");
        openAndAwaitApproval(pageUrl);
        node("RequestProductionApproval").click();
        WebElement refusal = new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElements(
                By.cssSelector("#sfn-view-1 [data-answer-refusal]")).stream().findFirst().orElse(null));
        assertThat(refusal.getAttribute("data-answer-refusal")).isEqualTo("not-allowed");
        assertThat(refusal.getText()).isEqualTo("mallory may not answer this approval; allowed: release-approvers, alice, bob.");
        assertThat(browser.findElements(By.cssSelector("#sfn-view-1 button[data-answer]"))).isEmpty();
        // and the endpoint the buttons post to refuses her, whatever a page shows
        String formPage = as("mallory").page(pageUrl);
        JenkinsRest.Response refused = as("mallory").postForm(pageUrl + "approve", Map.of(
                "execution", executionArn(formPage), "approval", approvalId(formPage),
                "comment", "not mine to give"), Map.of("Accept", "application/json"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().path("message").asText())
                .isEqualTo("mallory may not answer this approval; allowed: release-approvers, alice, bob.");
        assertThat(as("bob").json(pageUrl + "viewData?execution=1").path("states").path("RequestProductionApproval")
                .path("status").asText()).as("still waiting").isEqualTo("APPROVAL_PENDING");

        // bob is a submitter: Approve in the view, with a comment, and the view recolours without a reload
        logInAs("bob");
        openAndAwaitApproval(pageUrl);
        assertThat(statuses(browser)).containsEntry("DeployToStaging", "SUCCEEDED").containsEntry("DeployToProduction", "NOT_REACHED");
        assertThat(fill("RequestProductionApproval")).as("approval pending is purple").isEqualTo("rgb(237, 233, 254)");
        assertThat(fill("DeployToStaging")).as("succeeded is green").isEqualTo("rgb(220, 252, 231)");
        assertThat(fill("DeployToProduction")).as("not reached is grey").isEqualTo("rgb(243, 244, 246)");
        node("RequestProductionApproval").click();
        By comment = By.cssSelector("#sfn-view-1 .sfn-answer textarea[name=comment]");
        new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100)).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    WebElement box = d.findElement(comment);
                    box.clear();
                    box.sendKeys("approved from the live view");
                    return "approved from the live view".equals(box.getAttribute("value"));
                });
        assertThat(browser.findElements(By.cssSelector("#sfn-view-1 button[data-answer]")))
                .extracting(WebElement::getText).containsExactly("Approve", "Reject");
        screenshot();
        ((JavascriptExecutor) browser).executeScript("window.sfnNoReload = true;");
        new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100)).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    d.findElement(By.cssSelector("#sfn-view-1 button[data-answer=approve]")).click();
                    return true;
                });

        new WebDriverWait(browser, TIMEOUT, Duration.ofMillis(100)).until(d -> "SUCCEEDED".equals(statuses(d).get("Released")));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.sfnNoReload === true"))
                .as("recoloured by polling, not by reloading the page").isEqualTo(true);
        assertThat(statuses(browser)).containsEntry("RequestProductionApproval", "SUCCEEDED");
        assertThat(fill("RequestProductionApproval")).as("answered: green").isEqualTo("rgb(220, 252, 231)");
        assertThat(as("admin").awaitResult(job, build, TIMEOUT)).isEqualTo("SUCCESS");
        String console = as("admin").console(job, build);
        assertThat(console).contains("Approved by bob on the build page: SendTaskSuccess sent to Step Functions",
                "approval at RequestProductionApproval closed: approved", "withdrawn (approved)");
        JsonNode answer = approvalAnswer(Consoles.startedExecution(console));
        assertThat(answer.path("approver").asText()).isEqualTo("bob");
        assertThat(answer.path("comment").asText()).isEqualTo("approved from the live view");
        assertThat(as("admin").json("job/" + job + "/" + build + "/api/json?tree=actions[executions[id]]")
                .findValues("executions").stream().allMatch(JsonNode::isEmpty)).as("the input step was withdrawn").isTrue();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !"polling".equals(root(d).getAttribute("data-live")));
    }

    @Test
    void theViewStopsPollingOnceTheBuildStopsFollowingAnExecutionThatGoesOnAndSaysSo() throws Exception {
        assumeBrowser();
        logInAs("bob");
        String job = "build-page-unfollowed";
        as("admin").createPipeline(job, """
                %s {
                  sfnExecute(stateMachine: '%s#HappyPath', input: %s, buildMetadata: false, approvals: 'page',
                             stopOnAbort: false)
                }
                """.formatted(env.withStepFunctions(), env.stateMachineArn("approval-flow"),
                groovyLiteral(env.examples().example("approval-flow").input())));
        int build = as("admin").build(job);
        String pageUrl = "job/" + job + "/" + build + "/stepfunctions/";
        Eventually.value(TIMEOUT, "the build page of " + job, () -> as("bob").get(pageUrl).status() == 200 ? true : null);
        openAndAwaitApproval(pageUrl);
        int pollsBefore = polls();
        new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(200)).until(d -> polls() >= pollsBefore + 2);
        assertThat(root(browser).getAttribute("data-live")).as("polling while the build follows").isEqualTo("polling");

        assertThat(as("admin").post("job/" + job + "/" + build + "/stop", null, "").status()).isIn(200, 302);
        assertThat(as("admin").awaitResult(job, build, TIMEOUT)).isEqualTo("ABORTED");
        String arn = Consoles.startedExecution(as("admin").console(job, build));

        new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100))
                .until(d -> "final".equals(root(d).getAttribute("data-live")));
        int pollsAtTheEnd = polls();
        assertThat(browser.findElement(By.cssSelector("#sfn-view-1 .sfn-final")).getText())
                .startsWith("Not followed any more (the build stopped following it): this view shows the history up to ")
                .endsWith(" UTC.");
        node("RequestProductionApproval").click();
        assertThat(browser.findElement(By.cssSelector("#sfn-view-1 [data-answer-refusal]")).getText())
                .startsWith("The build no longer follows this execution");
        screenshot(SCREENSHOT_UNFOLLOWED);
        Thread.sleep(4000);
        assertThat(polls()).as("no viewData request once the data is final").isEqualTo(pollsAtTheEnd);
        assertThat(env.sfn().client().describeExecution(b -> b.executionArn(arn)).statusAsString())
                .as("the execution goes on without the build (stopOnAbort: false)").isEqualTo("RUNNING");
        assertThat(statuses(browser)).containsEntry("RequestProductionApproval", "APPROVAL_PENDING");
        env.sfn().client().stopExecution(b -> b.executionArn(arn));
    }

    private static void assumeBrowser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            System.err.println("*** BuildPageLiveViewIT browser test SKIPPED: no /usr/bin/chromium or /usr/bin/chromedriver;"
                    + " install them with: apt-get install -y chromium chromium-driver ***");
            Assumptions.assumeTrue(false, "no /usr/bin/chromium or /usr/bin/chromedriver");
        }
    }

    /** One browser for the class; each log-in starts a fresh session (no cookies) as {@code user}. */
    private static void logInAs(String user) {
        if (browser == null) {
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString())
                    .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--window-size=1500,1100");
            browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .build(), options);
        }
        browser.get(env.rest().root().resolve("login").toString());
        browser.manage().deleteAllCookies();
        browser.get(env.rest().root().resolve("login").toString());
        browser.findElement(By.name("j_username")).sendKeys(user);
        WebElement password = browser.findElement(By.name("j_password"));
        password.sendKeys(user + "-Secret-2026");
        password.submit();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("login"));
    }

    private static void openAndAwaitApproval(String pageUrl) {
        browser.get(env.rest().root().resolve(pageUrl).toString());
        new WebDriverWait(browser, TIMEOUT, Duration.ofMillis(100))
                .until(d -> "APPROVAL_PENDING".equals(statuses(d).get("RequestProductionApproval")));
    }

    private static WebElement root(WebDriver d) {
        return d.findElement(By.id("sfn-view-1"));
    }

    /** The viewData requests the page's view has sent so far (its root's data-polls). */
    private static int polls() {
        String polls = root(browser).getAttribute("data-polls");
        return polls == null ? 0 : Integer.parseInt(polls);
    }

    /** What the approval task returned to the execution (its TaskSucceeded output), or null. */
    private static JsonNode approvalAnswer(String executionArn) throws Exception {
        for (HistoryEvent e : env.sfn().history(executionArn)) {
            if (e.type() == HistoryEventType.TASK_SUCCEEDED && e.taskSucceededEventDetails().output().contains("approved")) {
                return JSON.readTree(e.taskSucceededEventDetails().output());
            }
        }
        return null;
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
        screenshot(SCREENSHOT);
    }

    private static void screenshot(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
