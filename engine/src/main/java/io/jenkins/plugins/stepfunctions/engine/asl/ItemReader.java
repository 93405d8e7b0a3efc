package io.jenkins.plugins.stepfunctions.engine.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A distributed Map's {@code ItemReader}: where its items come from in Amazon S3.
 *
 * @param resource   the ARN as written ({@code arn:aws:states:::s3:getObject} or {@code ...:s3:listObjectsV2})
 * @param action     {@code getObject} or {@code listObjectsV2}
 * @param parameters {@code Parameters} (JSONPath template) or {@code Arguments} (JSONata), or null
 * @param config     {@code ReaderConfig}; for listObjectsV2 without one, {@link ReaderConfig#NONE}
 */
public record ItemReader(String resource, String action, JsonNode parameters, ReaderConfig config) {
    public static final String GET_OBJECT = "getObject";
    public static final String LIST_OBJECTS_V2 = "listObjectsV2";

    /**
     * @param inputType         JSON, JSONL, CSV, MANIFEST or PARQUET; null for listObjectsV2
     * @param csvHeaderLocation FIRST_ROW (default for CSV) or GIVEN
     * @param csvHeaders        the given headers (GIVEN), or an empty list
     * @param csvDelimiter      COMMA (default), PIPE, SEMICOLON, SPACE or TAB
     * @param maxItems          {@code MaxItems} (a number, or JSONata) or {@code MaxItemsPath}; null when absent
     */
    public record ReaderConfig(String inputType, String csvHeaderLocation, List<String> csvHeaders,
                               String csvDelimiter, ValueSource maxItems) {
        public static final ReaderConfig NONE = new ReaderConfig(null, null, List.of(), "COMMA", null);
    }
}
