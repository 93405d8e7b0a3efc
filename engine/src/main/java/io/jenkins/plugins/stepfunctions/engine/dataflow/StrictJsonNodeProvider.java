package io.jenkins.plugins.stepfunctions.engine.dataflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;

/**
 * Jackson's tree provider for JsonPath, except that an index past the end of an array is missing
 * rather than null: JsonPath expects an IndexOutOfBoundsException there, which Jackson's
 * {@code ArrayNode.get} does not throw, and AWS fails {@code $.items[10]} on a shorter array.
 */
final class StrictJsonNodeProvider extends JacksonJsonNodeJsonProvider {
    StrictJsonNodeProvider(ObjectMapper mapper) {
        super(mapper);
    }

    @Override
    public Object getArrayIndex(Object array, int index) {
        if (index < 0 || index >= length(array)) {
            throw new IndexOutOfBoundsException(index);
        }
        return super.getArrayIndex(array, index);
    }
}
