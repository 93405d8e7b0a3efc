package io.jenkins.plugins.stepfunctions.engine.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The data-flow fields every state may carry. Paths are "$" when absent and null when the
 * definition sets them to null explicitly (AWS: null InputPath gives {}, null ResultPath
 * discards the result, null OutputPath gives {}).
 *
 * @param parameters {@code Parameters} (JSONPath) or null
 * @param arguments  {@code Arguments} (JSONata) or null
 * @param output     {@code Output} (JSONata) or null
 * @param assign     {@code Assign} or null
 * @param usesContext whether anything in the state can read the context object ({@code $$},
 *                    {@code $states.context}); when not, the interpreter skips building it
 */
public record StateIo(QueryLanguage queryLanguage, String inputPath, String outputPath, String resultPath,
                      JsonNode parameters, JsonNode resultSelector, JsonNode arguments, JsonNode output,
                      JsonNode assign, boolean usesContext) {

    public boolean jsonata() {
        return queryLanguage == QueryLanguage.JSONATA;
    }
}
