package io.jenkins.plugins.stepfunctions.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.bridge.connect.AwsClients;
import io.jenkins.plugins.stepfunctions.bridge.connect.Connection;
import io.jenkins.plugins.stepfunctions.engine.run.EngineConfig;
import io.jenkins.plugins.stepfunctions.engine.server.EngineServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live view in headless Chromium (Debian's chromium and chromedriver): sfn local's console follows an
 * example as it runs and answers its approval; a report opens from a file with no network. The screenshots
 * in docs/images are made by this test (see {@link #IMAGES}).
 */
class LiveViewBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /**
     * Where the screenshots go: target/screenshots on every run, docs/images when asked
     * ({@code -Dscreenshots.dir=../docs/images}), so that a build does not leave the docs' images modified.
     */
    private static final Path IMAGES = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    private static final Path EXAMPLES = Path.of("..", "examples");
    private static WebDriver browser;

    @BeforeAll
    static void openBrowser() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            System.err.println("*** LiveViewBrowserTest SKIPPED: no /usr/bin/chromium or /usr/bin/chromedriver;"
                    + " install them with: apt-get install -y chromium chromium-driver ***");
        }
        assumeTrue(installed, "no /usr/bin/chromium or /usr/bin/chromedriver (apt-get install -y chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1500,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theConsoleColoursStatesAsTheExampleRunsAndAnswersItsApproval() throws Exception {
        Path folder = EXAMPLES.resolve("approval-flow");
        EngineConfig config = new EngineConfig(Clock.systemUTC(), 0.1,
                new ObjectMapper().readTree(Files.readString(folder.resolve("mock-config.json"))), null);
        try (EngineServer server = EngineServer.start("127.0.0.1", 0, config);
             AwsClients clients = new AwsClients(Connection.local(server.endpoint()))) {
            String definition = read(folder.resolve("statemachine.asl.json"));
            String machine = clients.sfn().createStateMachine(b -> b.name("approval-flow").roleArn(RunCommand.LOCAL_ROLE)
                    .definition(definition)).stateMachineArn();
            String input = read(folder.resolve("input.json"));
            String execution = clients.sfn().startExecution(b -> b.stateMachineArn(machine + "#HappyPath").input(input))
                    .executionArn();

            browser.get(server.endpoint() + "/#execution=" + java.net.URLEncoder.encode(execution, "UTF-8"));
            Set<String> waitSeen = new LinkedHashSet<>();
            Set<String> approvalSeen = new LinkedHashSet<>();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(50));
            wait.until(d -> {
                java.util.Map<String, String> now = statuses(d);
                waitSeen.add(now.getOrDefault("WaitForStagingDeployment", "ABSENT"));
                approvalSeen.add(now.getOrDefault("RequestProductionApproval", "ABSENT"));
                return "APPROVAL_PENDING".equals(now.get("RequestProductionApproval"));
            });

            assertThat(waitSeen).as("the Wait state was seen waiting, then done").contains("WAITING", "SUCCEEDED");
            assertThat(approvalSeen).as("the approval state, before it was reached").contains("NOT_REACHED");
            assertThat(status(browser, "DeployToStaging")).isEqualTo("SUCCEEDED");
            assertThat(status(browser, "DeployToProduction")).isEqualTo("NOT_REACHED");
            assertThat(fill("RequestProductionApproval")).as("approval pending is purple").isEqualTo("rgb(237, 233, 254)");
            assertThat(fill("DeployToProduction")).as("not reached is grey").isEqualTo("rgb(243, 244, 246)");
            assertThat(fill("DeployToStaging")).as("succeeded is green").isEqualTo("rgb(220, 252, 231)");
            node("RequestProductionApproval").click();
            wait.until(d -> !d.findElements(By.cssSelector(".sfn-details [data-answer=approve]")).isEmpty());
            assertThat(browser.findElement(By.cssSelector(".sfn-details")).getText()).contains("Waiting for approval", "Promote ");
            screenshot("console-approval-pending.png");

            browser.findElement(By.cssSelector(".sfn-details textarea")).sendKeys("looks good");
            browser.findElement(By.cssSelector(".sfn-details [data-answer=approve]")).click();
            wait.until(d -> "SUCCEEDED".equals(statuses(d).get("Released")));

            assertThat(status(browser, "RequestProductionApproval")).isEqualTo("SUCCEEDED");
            assertThat(browser.findElement(By.cssSelector("[data-execution-status]")).getAttribute("data-execution-status"))
                    .isEqualTo("SUCCEEDED");
            assertThat(clients.sfn().describeExecution(b -> b.executionArn(execution)).output()).contains("\"approved\":true",
                    "looks good");
            node("GetStagingDeployment").click();
            screenshot("console-succeeded.png");
        }
    }

    @Test
    void aReportRendersOfflineFromAFileWithMarkupInNamesShownAsText(@TempDir Path dir) throws Exception {
        String hostile = "<img src=x onerror=window.pwned=1>";
        Path machine = Files.createDirectories(dir.resolve("hostile")).resolve("statemachine.asl.json");
        Files.writeString(machine, """
                {"StartAt":"Check","States":{
                  "Check":{"Type":"Choice","Choices":[{"Variable":"$.go","BooleanEquals":true,"Next":"%1$s"}],"Default":"Stop"},
                  "%1$s":{"Type":"Pass","Next":"Both"},
                  "Both":{"Type":"Parallel","End":true,"Branches":[
                    {"StartAt":"Left","States":{"Left":{"Type":"Pass","End":true}}},
                    {"StartAt":"Right","States":{"Right":{"Type":"Wait","Seconds":1,"End":true}}}]},
                  "Stop":{"Type":"Fail","Error":"Stopped"}}}""".formatted(hostile));
        Path report = dir.resolve("report.html");

        RunCommandTest.Result r = RunCommandTest.sfn("run", "--local", machine.toString(), "--input", "{\"go\":true}",
                "--time-scale", "0.01", "--report", report.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();

        browser.get(report.toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("[data-state]")).isEmpty());

        assertThat(status(browser, hostile)).isEqualTo("SUCCEEDED");
        assertThat(status(browser, "Left")).isEqualTo("SUCCEEDED");
        assertThat(status(browser, "Stop")).isEqualTo("NOT_REACHED");
        assertThat(browser.findElements(By.tagName("img"))).as("no markup from a state name").isEmpty();
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.pwned === undefined"))
                .isEqualTo(true);
        assertThat(node(hostile).getText()).contains("<img src=x");
        assertThat(browser.findElements(By.cssSelector("#sfn-history tbody tr"))).hasSizeGreaterThan(10);
        assertThat(browser.findElements(By.cssSelector(".sfn-edge-label")).stream().map(WebElement::getText).toList())
                .contains("$.go == true", "Default");
        node("Both").click();
        screenshot("report.png");
    }

    /** Measured, not asserted: the numbers go to docs/live-view.md. */
    @Test
    void aReportOfTwoHundredStatesAndTwentyFiveThousandEventsIsDrawn(@TempDir Path dir) throws Exception {
        var history = io.jenkins.plugins.stepfunctions.view.LargeExecution.history();
        long t0 = System.nanoTime();
        var view = io.jenkins.plugins.stepfunctions.view.HistoryReplay.replay("arn:aws:states:eu-west-1:1:execution:big:run",
                io.jenkins.plugins.stepfunctions.view.LargeExecution.definition(), history);
        String html = io.jenkins.plugins.stepfunctions.view.ReportPage.html(view, history);
        long javaMs = (System.nanoTime() - t0) / 1_000_000;
        Path report = dir.resolve("large.html");
        Files.writeString(report, html);

        long t1 = System.nanoTime();
        browser.get(report.toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElements(By.cssSelector("g[data-state]")).size()
                == io.jenkins.plugins.stepfunctions.view.LargeExecution.STATES + 1);
        long pageMs = (System.nanoTime() - t1) / 1_000_000;
        String layoutMs = browser.findElement(By.id("sfn-view")).getAttribute("data-layout-ms");
        System.out.printf("LARGE VIEW: %d states, %d events, %d KiB page: data + page in Java %d ms; browser load to drawn"
                + " %d ms, of which layout and SVG %s ms%n", view.states().size(), view.eventCount(), html.length() / 1024,
                javaMs, pageMs, layoutMs);

        assertThat(status(browser, "Task150")).isEqualTo("SUCCEEDED");
    }

    /** Every state's status read at one instant (one script call), so a poll cannot land between two reads. */
    @SuppressWarnings("unchecked")
    private static java.util.Map<String, String> statuses(WebDriver d) {
        return (java.util.Map<String, String>) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "var m = {}; document.querySelectorAll('g[data-state]').forEach(function (g) {"
                        + " m[g.getAttribute('data-state')] = g.getAttribute('data-status'); }); return m;");
    }

    private static String status(WebDriver d, String state) {
        List<WebElement> found = d.findElements(By.cssSelector("[data-state]"));
        List<String> names = new ArrayList<>();
        for (WebElement e : found) {
            String name = e.getAttribute("data-state");
            names.add(name);
            if (state.equals(name) && e.getTagName().equals("g")) {
                return e.getAttribute("data-status");
            }
        }
        return "ABSENT";
    }

    private static WebElement node(String state) {
        return browser.findElements(By.cssSelector("g[data-state]")).stream()
                .filter(e -> state.equals(e.getAttribute("data-state"))).findFirst().orElseThrow();
    }

    private static String fill(String state) {
        return node(state).findElement(By.cssSelector("rect.sfn-box")).getCssValue("fill");
    }

    private static void screenshot(String name) throws Exception {
        Files.createDirectories(IMAGES);
        Files.write(IMAGES.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static String read(Path file) throws Exception {
        return Files.readString(file);
    }
}
