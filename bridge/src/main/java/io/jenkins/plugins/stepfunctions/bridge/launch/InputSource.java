package io.jenkins.plugins.stepfunctions.bridge.launch;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One contribution to an execution's input. Sources are merged in the order given (see
 * {@link ExecutionInputAssembler}); each has a {@link #label()} that error messages name.
 */
public sealed interface InputSource extends Serializable {

    /** How the source is named in an error message, e.g. {@code input file deploy.json}. */
    String label();

    /** A JSON text, e.g. the {@code input:} parameter. */
    record JsonText(String json) implements InputSource {
        @Override
        public String label() {
            return "JSON input";
        }
    }

    /** A file holding JSON, e.g. a build output. */
    record JsonFile(Path file) implements InputSource {
        @Override
        public String label() {
            return "input file " + file;
        }
    }

    /**
     * Key/value pairs; a dotted key ({@code image.tag}) builds nested objects; values stay strings
     * unless {@code parseJsonValues} is set, then {@code 3}, {@code true} or {@code [..]} become JSON.
     */
    record Values(Map<String, String> values, boolean parseJsonValues) implements InputSource {
        @Override
        public String label() {
            return "input values";
        }
    }

    /** Named environment variables, each under its own name (or all with a prefix, prefix kept). */
    record EnvironmentVariables(Map<String, String> environment, List<String> names, String prefix)
            implements InputSource {
        @Override
        public String label() {
            return "environment variables";
        }
    }

    /** Facts about the build that starts the execution, placed under {@code key} (default {@code build}). */
    record BuildMetadata(String key, String job, String buildNumber, String buildUrl, String gitCommit,
                         String gitBranch) implements InputSource {
        @Override
        public String label() {
            return "build metadata";
        }
    }
}
