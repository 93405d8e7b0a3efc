package io.jenkins.plugins.stepfunctions.it.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * One Jenkins and one {@code sfn local} for a test class: sfn local at time scale 0.01 with every example's
 * mock config and state machine (plus the class's own), Jenkins from source with the freshly built
 * {@code .hpi}. Where the Jenkins built from source is absent, every test of the class is skipped with a
 * message on standard error that says so. After the class, any SEVERE or WARNING the plugin caused in the
 * Jenkins log fails it; the log stays under {@code target/jenkins-logs/}.
 */
public final class JenkinsWithSfnLocal implements BeforeAllCallback, AfterAllCallback {
    private static final double TIME_SCALE = 0.01;

    private final Map<String, String> ownStateMachines = new LinkedHashMap<>();
    private final List<String> javaOptions = new ArrayList<>();
    private final Map<String, String> initScripts = new LinkedHashMap<>();
    private com.fasterxml.jackson.databind.JsonNode ownMocks;
    private final Map<String, String> arns = new LinkedHashMap<>();
    private final Examples examples = Examples.fromSystemProperty();
    private final List<InboundAgent> agents = new ArrayList<>();
    private final List<String> extraPlugins = new ArrayList<>();
    private String extraPluginsBuiltBy;
    private String extraPluginSet = "";
    private JenkinsFromSource from;
    private Path work;
    private Path logs;
    private RunningJenkins jenkins;
    private SfnLocal sfn;

    /** A state machine of the test's own, created in sfn local under {@code name}. */
    public JenkinsWithSfnLocal withStateMachine(String name, String definition) {
        ownStateMachines.put(name, definition);
        return this;
    }

    /** A MockConfigFile of the class's own (its state machines' test cases), merged with the examples'. */
    public JenkinsWithSfnLocal withMockConfig(String json) {
        try {
            ownMocks = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a MockConfigFile: " + json, e);
        }
        return this;
    }

    /** A JVM option for Jenkins (system properties that Jenkins or the plugin read). */
    public JenkinsWithSfnLocal withJavaOption(String option) {
        javaOptions.add(option);
        return this;
    }

    /**
     * Plugins beyond ../shared/jenkins's {@code runtime.txt}, as {@code <name>.hpi} in
     * {@code <-Djenkins.extraPlugins.dir>/<set>/plugins} (default {@code target/jenkins-extra}), built by the
     * script {@code builtBy} into {@code it/target/jenkins-extra/<set>}; when one is absent the class is skipped,
     * saying which and how to build it.
     */
    public JenkinsWithSfnLocal withExtraPlugins(String builtBy, String set, String... names) {
        extraPluginsBuiltBy = builtBy;
        extraPluginSet = set;
        extraPlugins.addAll(List.of(names));
        return this;
    }

    /** A Groovy script Jenkins runs at start-up ({@code init.groovy.d}), as administrators configure it. */
    public JenkinsWithSfnLocal withInitScript(String name, String groovy) {
        initScripts.put(name, groovy);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String testClass = context.getRequiredTestClass().getSimpleName();
        JenkinsFromSource.Found found = JenkinsFromSource.locate();
        if (found instanceof JenkinsFromSource.Missing missing) {
            String message = "SKIPPED " + testClass + ": the running-Jenkins tests need the Jenkins built from source: "
                    + missing.why();
            System.err.println("\n*** " + message + " ***\n");
            throw new TestAbortedException(message);
        }
        from = ((JenkinsFromSource.Available) found).jenkins();
        Path extraDir = Path.of(System.getProperty("jenkins.extraPlugins.dir", "target/jenkins-extra"))
                .resolve(extraPluginSet).resolve("plugins");
        List<String> absent = extraPlugins.stream().filter(n -> !Files.isRegularFile(extraDir.resolve(n + ".hpi"))).toList();
        if (!absent.isEmpty()) {
            String message = "SKIPPED " + testClass + ": needs " + String.join(", ", absent) + " (not in ../shared/jenkins)"
                    + " in " + extraDir.toAbsolutePath().normalize() + "; build them with " + extraPluginsBuiltBy
                    + " MIRROR it/target/jenkins-extra/" + extraPluginSet + " (MIRROR: bare snapshots of the jenkinsci"
                    + " repositories)";
            System.err.println("\n*** " + message + " ***\n");
            throw new TestAbortedException(message);
        }
        work = Path.of(System.getProperty("it.work.dir", "target/it-work")).resolve(testClass);
        logs = Files.createDirectories(Path.of(System.getProperty("it.logs.dir", "target/jenkins-logs")));
        deleteTree(work);
        Files.createDirectories(work);
        Path mocks = examples.mergedMockConfig(work.resolve("mock-config.json"), ownMocks);
        sfn = SfnLocal.start(Path.of(System.getProperty("sfn.jar", "../cli/target/sfn.jar")), mocks, TIME_SCALE,
                logs.resolve(testClass + "-sfn-local.log"));
        for (Examples.Example example : examples.all()) {
            arns.put(example.name(), sfn.createStateMachine(example.name(), example.definition()));
        }
        ownStateMachines.forEach((name, definition) -> arns.put(name, sfn.createStateMachine(name, definition)));
        Path pluginDir = Files.createDirectories(work.resolve("jenkins-home/plugins"));
        for (String name : extraPlugins) {
            Files.copy(extraDir.resolve(name + ".hpi"), pluginDir.resolve(name + ".jpi"));
        }
        Path initDir = Files.createDirectories(work.resolve("jenkins-home/init.groovy.d"));
        for (Map.Entry<String, String> script : initScripts.entrySet()) {
            Files.writeString(initDir.resolve(script.getKey() + ".groovy"), script.getValue());
        }
        Path log = logs.resolve(testClass + ".log");
        Files.deleteIfExists(log);
        jenkins = RunningJenkins.start(from, Path.of(System.getProperty("plugin.hpi", "../plugin/target/aws-step-functions.hpi")),
                work.resolve("jenkins-home"), log, javaOptions);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            agents.forEach(InboundAgent::close);
            if (jenkins != null) {
                jenkins.stop();
                List<JenkinsLog.Entry> problems = JenkinsLog.pluginProblems(jenkins.log());
                if (!problems.isEmpty()) {
                    throw new AssertionError("the plugin logged " + problems.size() + " SEVERE/WARNING record(s) in "
                            + jenkins.log() + ":\n" + problems.stream().map(JenkinsLog.Entry::text)
                            .collect(Collectors.joining("\n")));
                }
            }
        } finally {
            if (sfn != null) {
                sfn.close();
            }
        }
    }

    /** An inbound agent in its own JVM, labelled with its name; stopped after the class. */
    public InboundAgent agent(String name) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve("agent-" + name));
        InboundAgent agent = InboundAgent.start(rest(), from.java(), name, dir,
                logs.resolve(work.getFileName() + "-agent-" + name + ".log"));
        agents.add(agent);
        return agent;
    }

    public RunningJenkins jenkins() {
        return jenkins;
    }

    public JenkinsRest rest() {
        return jenkins.rest();
    }

    public SfnLocal sfn() {
        return sfn;
    }

    public Examples examples() {
        return examples;
    }

    /** The ARN of a state machine created in sfn local (an example's or the test's own). */
    public String stateMachineArn(String name) {
        String arn = arns.get(name);
        if (arn == null) {
            throw new IllegalArgumentException("no state machine " + name + "; have " + arns.keySet());
        }
        return arn;
    }

    /** The {@code withStepFunctions} opening that points at this sfn local. */
    public String withStepFunctions() {
        return "withStepFunctions(region: 'us-east-1', endpoint: '" + sfn.endpoint() + "')";
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
