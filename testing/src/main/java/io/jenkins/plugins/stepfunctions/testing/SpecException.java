package io.jenkins.plugins.stepfunctions.testing;

import java.nio.file.Path;

/**
 * A test file, mock config or definition that cannot be used as it is: names the file, the field (as a
 * dotted path such as {@code testCases.HappyPath.status}) and what is wrong. {@code sfn test} exits 2.
 */
public final class SpecException extends RuntimeException {
    private final Path file;
    private final String field;

    public SpecException(Path file, String field, String problem) {
        super(file + (field == null || field.isEmpty() ? "" : ": " + field) + ": " + problem);
        this.file = file;
        this.field = field;
    }

    /** A problem with no one file to blame (nothing to test under the paths given). */
    public SpecException(String problem) {
        super(problem);
        this.file = null;
        this.field = null;
    }

    public Path file() {
        return file;
    }

    public String field() {
        return field;
    }
}
