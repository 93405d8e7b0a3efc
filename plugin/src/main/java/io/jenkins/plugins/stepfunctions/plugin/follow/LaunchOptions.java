package io.jenkins.plugins.stepfunctions.plugin.follow;

import hudson.AbortException;
import hudson.EnvVars;
import io.jenkins.plugins.stepfunctions.bridge.launch.ExecutionNames;
import io.jenkins.plugins.stepfunctions.bridge.launch.InputSource;
import io.jenkins.plugins.stepfunctions.bridge.launch.LaunchRequest;
import io.jenkins.plugins.stepfunctions.bridge.launch.StateMachineRef;
import io.jenkins.plugins.stepfunctions.plugin.runtime.WorkspaceFiles;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * How to start an execution, as the {@code sfnStart}/{@code sfnExecute} steps and the freestyle step take it.
 * Input sources merge in this order, later ones winning on the same key: build metadata, environment
 * variables, input file, JSON input, key=value input.
 */
public final class LaunchOptions implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private String input;
    private String inputFile;
    private String inputValues;
    private String inputEnvironment;
    // null means the default: a hand-written config.xml leaves out what it does not set (see FollowOptions)
    private Boolean buildMetadata;
    private String buildMetadataKey;
    private String executionName;
    private String qualifier;
    private String traceHeader;

    public String getInput() {
        return input;
    }

    public void setInput(String input) {
        this.input = blankToNull(input);
    }

    public String getInputFile() {
        return inputFile;
    }

    public void setInputFile(String inputFile) {
        this.inputFile = blankToNull(inputFile);
    }

    public String getInputValues() {
        return inputValues;
    }

    public void setInputValues(String inputValues) {
        this.inputValues = blankToNull(inputValues);
    }

    public String getInputEnvironment() {
        return inputEnvironment;
    }

    public void setInputEnvironment(String inputEnvironment) {
        this.inputEnvironment = blankToNull(inputEnvironment);
    }

    public boolean isBuildMetadata() {
        return buildMetadata == null || buildMetadata;
    }

    public void setBuildMetadata(boolean buildMetadata) {
        this.buildMetadata = buildMetadata;
    }

    public String getBuildMetadataKey() {
        return buildMetadataKey == null ? "build" : buildMetadataKey;
    }

    public void setBuildMetadataKey(String buildMetadataKey) {
        String key = blankToNull(buildMetadataKey);
        this.buildMetadataKey = key == null ? "build" : key;
    }

    public String getExecutionName() {
        return executionName;
    }

    public void setExecutionName(String executionName) {
        this.executionName = blankToNull(executionName);
    }

    public String getQualifier() {
        return qualifier;
    }

    public void setQualifier(String qualifier) {
        this.qualifier = blankToNull(qualifier);
    }

    public String getTraceHeader() {
        return traceHeader;
    }

    public void setTraceHeader(String traceHeader) {
        this.traceHeader = blankToNull(traceHeader);
    }

    /** A copy with every text field passed through {@code expand} (the freestyle step expands {@code ${VAR}}). */
    public LaunchOptions expanded(UnaryOperator<String> expand) {
        LaunchOptions copy = new LaunchOptions();
        copy.setInput(expand.apply(input));
        copy.setInputFile(expand.apply(inputFile));
        copy.setInputValues(expand.apply(inputValues));
        copy.setInputEnvironment(expand.apply(inputEnvironment));
        copy.buildMetadata = buildMetadata;
        if (buildMetadataKey != null) {
            copy.setBuildMetadataKey(expand.apply(buildMetadataKey));
        }
        copy.setExecutionName(expand.apply(executionName));
        copy.setQualifier(expand.apply(qualifier));
        copy.setTraceHeader(expand.apply(traceHeader));
        return copy;
    }

    /** The bridge's request for a step without a flow node (the freestyle step): see the next method. */
    public LaunchRequest toRequest(String stateMachine, EnvVars env, WorkspaceFiles workspace, int sequence,
            String callbackUrl) throws IOException, InterruptedException {
        return toRequest(stateMachine, env, workspace, null, sequence, callbackUrl);
    }

    /**
     * The bridge's request. Without an explicit name, the name is derived so that a start retried after a
     * controller restart attaches to the execution it already started instead of launching a second deployment:
     * in a Pipeline from job, build and the step's flow node id ({@code <job>-<build>-<node>}, unique among
     * {@code parallel} branches and kept across restarts); without a flow node (freestyle, whose steps run one
     * after the other and never resume) from job, build and the number of executions the build started before
     * ({@code sequence}).
     *
     * @param workspace   null when the step runs outside {@code node}; then {@code inputFile} is an error
     * @param stepId      the id of the Pipeline step's flow node, or null
     * @param callbackUrl where the execution calls back ({@code <build metadata key>.callbackUrl}), or null
     */
    public LaunchRequest toRequest(String stateMachine, EnvVars env, WorkspaceFiles workspace, String stepId,
            int sequence, String callbackUrl) throws IOException, InterruptedException {
        List<InputSource> sources = new ArrayList<>();
        if (isBuildMetadata()) {
            sources.add(new InputSource.BuildMetadata(getBuildMetadataKey(), env.get("JOB_NAME"), env.get("BUILD_NUMBER"),
                    env.get("BUILD_URL"), env.get("GIT_COMMIT"),
                    env.get("GIT_BRANCH") != null ? env.get("GIT_BRANCH") : env.get("BRANCH_NAME")));
        }
        if (callbackUrl != null) {
            sources.add(new InputSource.Values(Map.of(getBuildMetadataKey() + ".callbackUrl", callbackUrl), false));
        }
        if (inputEnvironment != null) {
            List<String> names = List.of(inputEnvironment.trim().split("[,\\s]+"));
            Map<String, String> selected = new LinkedHashMap<>();
            for (String name : names) {
                if (env.get(name) != null) {
                    selected.put(name, env.get(name));
                }
            }
            sources.add(new InputSource.EnvironmentVariables(selected, names, null));
        }
        if (inputFile != null) {
            if (workspace == null) {
                throw new AbortException("inputFile: '" + inputFile + "' needs a workspace; call the step inside node { }"
                        + " or pass the JSON with input:");
            }
            sources.add(new InputSource.JsonText(workspace.read(inputFile)));
        }
        if (input != null) {
            sources.add(new InputSource.JsonText(input));
        }
        if (inputValues != null) {
            sources.add(new InputSource.Values(keyValues(inputValues), true));
        }
        String name = executionName != null ? executionName
                : env.get("JOB_NAME") == null ? null
                : stepId != null ? ExecutionNames.forStep(env.get("JOB_NAME"), String.valueOf(env.get("BUILD_NUMBER")), stepId)
                : ExecutionNames.derive(env.get("JOB_NAME"), String.valueOf(env.get("BUILD_NUMBER")), sequence);
        return new LaunchRequest(new StateMachineRef(stateMachine, qualifier), sources, name, traceHeader);
    }

    static Map<String, String> keyValues(String lines) throws AbortException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : lines.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq <= 0) {
                throw new AbortException("inputValues: line '" + trimmed + "' is not key=value; write one key=value per"
                        + " line (a dotted key such as image.tag builds nested objects)");
            }
            values.put(trimmed.substring(0, eq).trim(), trimmed.substring(eq + 1).trim());
        }
        return values;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
