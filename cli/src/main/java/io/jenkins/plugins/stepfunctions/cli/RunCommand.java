package io.jenkins.plugins.stepfunctions.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.stepfunctions.bridge.connect.AwsClients;
import io.jenkins.plugins.stepfunctions.bridge.control.ExecutionControl;
import io.jenkins.plugins.stepfunctions.bridge.launch.DottedKey;
import io.jenkins.plugins.stepfunctions.bridge.launch.ExecutionNames;
import io.jenkins.plugins.stepfunctions.bridge.launch.InputSource;
import io.jenkins.plugins.stepfunctions.bridge.launch.LaunchRequest;
import io.jenkins.plugins.stepfunctions.bridge.launch.Launched;
import io.jenkins.plugins.stepfunctions.bridge.launch.Launcher;
import io.jenkins.plugins.stepfunctions.bridge.launch.StateMachineRef;
import io.jenkins.plugins.stepfunctions.bridge.launch.Utf8Text;
import io.jenkins.plugins.stepfunctions.bridge.watch.PollingPolicy;
import io.jenkins.plugins.stepfunctions.engine.run.EngineConfig;
import io.jenkins.plugins.stepfunctions.cli.inprocess.InProcessSfnClient;
import io.jenkins.plugins.stepfunctions.cli.inprocess.LazyApiServer;
import io.jenkins.plugins.stepfunctions.engine.server.EngineApi;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;

/**
 * {@code sfn run}: start an execution and follow it to its end. With {@code --local} the embedded
 * engine runs in this process, so a definition file runs with no AWS account at all.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start an execution and follow it: transitions as they happen, approvals prompted, outcome as exit code.",
        footer = {"", "Examples:",
                "  sfn run --local examples/approval-flow/statemachine.asl.json --input-file examples/approval-flow/input.json \\",
                "      --mock-config examples/approval-flow/mock-config.json --test-case HappyPath --time-scale 0.01",
                "  sfn run arn:aws:states:eu-west-1:123456789012:stateMachine:deploy --input '{\"version\":\"1.2.3\"}' --approve-all",
                "", "Exit codes: 0 succeeded, 1 failed, 2 bad input, 3 timed out, 4 aborted, 5 not found, 6 connection (docs/cli.md)."})
public final class RunCommand implements Callable<Integer> {
    static final String LOCAL_ROLE = "arn:aws:iam::123456789012:role/sfn-local";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    private FollowOptions follow = new FollowOptions();

    @Parameters(index = "0", paramLabel = "STATE_MACHINE",
            description = "State machine ARN (with :version or :alias), name, or a definition file (.json) to create.")
    private String target;

    @Option(names = "--qualifier", paramLabel = "VERSION|ALIAS", description = "Run this version or alias of the state machine.")
    private String qualifier;

    @Option(names = "--input", paramLabel = "JSON", description = "Input as JSON text (merged first).")
    private String input;

    @Option(names = "--input-file", paramLabel = "FILE", description = "Input from a JSON file (repeatable, merged in order).")
    private List<Path> inputFiles = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Set one input value; dotted keys nest (repeatable, merged after files).")
    private Map<String, String> values = new LinkedHashMap<>();

    @Option(names = "--env", paramLabel = "NAME", description = "Put this environment variable into the input (repeatable).")
    private List<String> envNames = new ArrayList<>();

    @Option(names = "--build-key", paramLabel = "KEY", defaultValue = "build",
            description = "Key for build metadata (job, number, url, gitCommit, gitBranch; default: ${DEFAULT-VALUE}).")
    private String buildKey;

    @Option(names = "--job", paramLabel = "NAME", description = "Build job name (default: $JOB_NAME).")
    private String job;

    @Option(names = "--build-number", paramLabel = "N", description = "Build number (default: $BUILD_NUMBER).")
    private String buildNumber;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Execution name (default: derived from job and build number when both are known, so a retried start attaches).")
    private String name;

    @Option(names = "--trace-header", paramLabel = "HEADER", description = "X-Ray trace header linking the execution to the build.")
    private String traceHeader;

    @Option(names = "--no-stop-on-interrupt", negatable = false,
            description = "On Ctrl-C, leave the execution running (default: stop it).")
    private boolean keepRunningOnInterrupt;

    @Option(names = "--local", description = "Run on the embedded engine, in this process (no AWS account needed).")
    private boolean local;

    @Option(names = "--mock-config", paramLabel = "FILE", description = "With --local: a Step Functions Local MockConfigFile.")
    private Path mockConfig;

    @Option(names = "--test-case", paramLabel = "NAME", description = "The mock config test case to run (StateMachineArn#TestCase).")
    private String testCase;

    @Option(names = "--time-scale", paramLabel = "F", defaultValue = "1",
            description = "With --local: multiply Waits and retry delays by F (0.01 = 100 times faster; default: ${DEFAULT-VALUE}).")
    private double timeScale;

    @Option(names = "--state-machine-name", paramLabel = "NAME",
            description = "Name for a state machine created from a definition file (default: the file's folder name).")
    private String stateMachineName;

    @Option(names = "--execution-role", paramLabel = "ARN",
            description = "Role of a state machine created from a definition file (required on AWS).")
    private String executionRole;

    @Option(names = "--report", paramLabel = "FILE.html",
            description = "When the execution ends, write one self-contained HTML file: the state machine drawn with what"
                    + " each state did, and the history (opens offline).")
    private Path report;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Interruption interruption = Interruption.install("run", err)) {
            follow.check(spec.commandLine());
            values.keySet().forEach(this::checkSetKey);
            PollingPolicy policy = connection.pollingPolicy();
            if (!local && (mockConfig != null || timeScale != 1)) {
                throw usage((mockConfig != null ? "--mock-config" : "--time-scale") + " works with --local only (the embedded engine);"
                        + " add --local, or drop it when running on AWS or another endpoint");
            }
            if (local) {
                if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
                    throw usage("--time-scale " + timeScale + " must be a positive number, e.g. 0.01 for 100 times faster waits");
                }
                if (keepRunningOnInterrupt) {
                    throw usage("--no-stop-on-interrupt cannot work with --local: the execution runs in sfn's own engine and"
                            + " ends with it; run it on 'sfn local' (--endpoint) to let it outlive sfn");
                }
                // The engine's API is called in this process: no server, no socket, no SDK client or HTTP stack;
                // the server starts only if an approval must be answerable from another terminal.
                try (EngineApi api = EngineApi.start(new EngineConfig(Clock.systemUTC(), timeScale, mockConfigJson(), null));
                     LazyApiServer served = new LazyApiServer(api)) {
                    SfnClient sfn = new InProcessSfnClient(api);
                    // polls no faster than every 10 ms, but heartbeats and Wait lines at the engine's exact pace
                    PollingPolicy aws = PollingPolicy.defaults();
                    PollingPolicy paced = (timeScale < 1 ? aws.scaled(Math.max(timeScale, 0.02)) : aws).pacedAt(timeScale);
                    err.println("sfn run: embedded engine in this process");
                    return launchAndFollow(sfn, true, err, interruption, () -> new FollowSession(api, sfn, follow, out, err,
                            terminal(), paced).reachedWith(arn -> connection.sameConnection(served.endpoint(), arn)));
                }
            }
            try (AwsClients clients = new AwsClients(connection.connection())) {
                return launchAndFollow(clients.sfn(), connection.endpoint != null, err, interruption,
                        () -> new FollowSession(clients, follow, out, err, terminal(), policy)
                                .reachedWith(arn -> connection.sameConnection(null, arn)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.ABORTED;
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (Exception e) {
            return CliErrors.report("run", e, err);
        }
    }

    private int launchAndFollow(SfnClient sfn, boolean endpointGiven, PrintWriter err, Interruption interruption,
                                Supplier<FollowSession> session) throws java.io.IOException, InterruptedException {
        String stateMachine = resolveTarget(sfn, endpointGiven);
        if (testCase != null) {
            stateMachine = stateMachine + "#" + testCase;
        }
        LaunchRequest request = new LaunchRequest(new StateMachineRef(stateMachine, qualifier), inputSources(),
                executionName(), traceHeader);
        Launched launched = new Launcher(sfn).launch(request);
        err.println("sfn run: " + (launched.attached() ? "attached to existing" : "started") + " " + launched.executionArn());
        err.flush();
        FollowSession following = session.get();
        interruption.following(following, () -> onInterrupt(sfn, launched.executionArn()));
        int exit = following.follow(launched.executionArn());
        // a report that cannot be written fails the run: the user asked for it
        return report == null || RunReport.write(sfn, launched.executionArn(), report, local ? timeScale : 1, err)
                ? exit : Math.max(exit, ExitCodes.FAILED);
    }

    /**
     * What Ctrl-C does to the execution, in words. With --local it is stopped: it runs in this process and cannot
     * outlive it, and a stop leaves it ABORTED, not half-run. Elsewhere it is stopped unless --no-stop-on-interrupt,
     * as a cancelled build stops the deployment it started.
     */
    private String onInterrupt(SfnClient sfn, String executionArn) {
        if (keepRunningOnInterrupt) {
            List<String> again = new ArrayList<>(List.of("sfn", "follow", executionArn));
            again.addAll(connection.sameConnection(null, executionArn));
            return "left " + executionArn + " running (--no-stop-on-interrupt); follow it again with: "
                    + String.join(" ", again.stream().map(ApproveCommandLine::quoted).toList());
        }
        try {
            new ExecutionControl(sfn).stop(executionArn, ExecutionControl.BUILD_ABORTED, "sfn run was interrupted");
            return "stopped " + executionArn + (local ? " (it ran in sfn's own engine, which ends with sfn)"
                    : " (StopExecution with error " + ExecutionControl.BUILD_ABORTED + ")");
        } catch (RuntimeException e) {
            return "could not stop " + executionArn + ": " + e.getMessage() + "; it may still be running";
        }
    }

    /** A definition file becomes a state machine; anything else is an ARN or a name. */
    private String resolveTarget(SfnClient sfn, boolean endpointGiven) throws java.io.IOException {
        Path file = Path.of(target);
        if (target.startsWith("arn:") || !Files.isRegularFile(file)) {
            if (target.endsWith(".json")) {
                throw usage("definition file " + target + " does not exist; give the path of an ASL file, or a state machine ARN or name");
            }
            return target;
        }
        String definition;
        try {
            definition = Utf8Text.decode(Files.readAllBytes(file));
        } catch (Utf8Text.NotUtf8Exception e) {
            throw usage("definition file " + target + " " + e.where().problem() + "; " + Utf8Text.NotUtf8.FIX);
        }
        String smName = stateMachineName != null ? stateMachineName
                : ExecutionNames.sanitise(file.toAbsolutePath().getParent() == null ? "state-machine"
                : file.toAbsolutePath().getParent().getFileName().toString());
        String role = executionRole != null ? executionRole : endpointGiven ? LOCAL_ROLE : null;
        if (role == null) {
            throw usage("creating a state machine on AWS from " + target + " needs --execution-role ARN (the role it runs as)");
        }
        try {
            return sfn.createStateMachine(b -> b.name(smName).definition(definition).roleArn(role)).stateMachineArn();
        } catch (StateMachineAlreadyExistsException e) {
            String arn = sfn.listStateMachinesPaginator(b -> b.maxResults(1000)).stateMachines().stream()
                    .filter(s -> s.name().equals(smName)).findFirst().orElseThrow(() -> e).stateMachineArn();
            sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(definition).roleArn(role));
            return arn;
        }
    }

    private List<InputSource> inputSources() {
        List<InputSource> sources = new ArrayList<>();
        if (input != null) {
            sources.add(new InputSource.JsonText(input));
        }
        inputFiles.forEach(f -> sources.add(new InputSource.JsonFile(f)));
        if (!values.isEmpty()) {
            sources.add(new InputSource.Values(values, true));
        }
        if (!envNames.isEmpty()) {
            sources.add(new InputSource.EnvironmentVariables(System.getenv(), envNames, null));
        }
        String j = jobName();
        String n = buildNumberValue();
        if (j != null || n != null) {
            sources.add(new InputSource.BuildMetadata(buildKey, j, n, System.getenv("BUILD_URL"),
                    System.getenv("GIT_COMMIT"), System.getenv("GIT_BRANCH")));
        }
        return sources;
    }

    /** A {@code --set} key that cannot mean what was meant is refused naming the option, before anything starts. */
    private void checkSetKey(String key) {
        try {
            DottedKey.parse(key);
        } catch (IllegalArgumentException e) {
            throw usage("--set: " + e.getMessage());
        }
    }

    private String executionName() {
        if (name != null) {
            return name;
        }
        String j = jobName();
        String n = buildNumberValue();
        return j != null && n != null ? ExecutionNames.derive(j, n, 1) : null;
    }

    private String jobName() {
        return job != null ? job : System.getenv("JOB_NAME");
    }

    private String buildNumberValue() {
        return buildNumber != null ? buildNumber : System.getenv("BUILD_NUMBER");
    }

    private JsonNode mockConfigJson() {
        if (mockConfig == null) {
            return null;
        }
        if (!Files.isRegularFile(mockConfig)) {
            throw usage("--mock-config " + mockConfig + ": no such file; give the path of a MockConfigFile (JSON)");
        }
        try {
            return new ObjectMapper().readTree(mockConfig.toFile());
        } catch (java.io.IOException e) {
            throw usage("--mock-config " + mockConfig + " cannot be read as JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static BufferedReader terminal() {
        return System.console() == null ? null : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
