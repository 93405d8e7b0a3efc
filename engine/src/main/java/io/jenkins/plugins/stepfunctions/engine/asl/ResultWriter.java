package io.jenkins.plugins.stepfunctions.engine.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A distributed Map's {@code ResultWriter}: where and how the child executions' results are exported.
 *
 * @param resource       {@code arn:aws:states:::s3:putObject}, or null (only {@code WriterConfig}: the
 *                       results stay in the state output, formatted)
 * @param parameters     {@code Parameters} (JSONPath template) or {@code Arguments} (JSONata) with
 *                       Bucket and Prefix, or null
 * @param outputType     {@code WriterConfig.OutputType}: JSON (default) or JSONL
 * @param transformation {@code WriterConfig.Transformation}: NONE, COMPACT or FLATTEN; null when
 *                       not given (AWS: NONE when exporting to S3, COMPACT otherwise)
 */
public record ResultWriter(String resource, JsonNode parameters, String outputType, String transformation) {
    /** The transformation in force: AWS's default depends on whether the results go to S3. */
    public String effectiveTransformation() {
        if (transformation != null) {
            return transformation;
        }
        return resource != null ? "NONE" : "COMPACT";
    }
}
