package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import io.jenkins.plugins.stepfunctions.engine.asl.ItemReader;
import java.util.HashSet;
import java.util.List;

/**
 * Turns an S3 object's text into a distributed Map's items as its {@code ReaderConfig.InputType} says:
 * a JSON array, JSON Lines, or CSV rows as objects keyed by the header (every value a string, as AWS
 * gives them). Errors are States.ItemReaderFailed with AWS's causes where its recordings show them.
 */
final class ItemDecoder {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ItemDecoder() {
    }

    /** At most {@code maxItems} items of {@code text} (the object's content). */
    static ArrayNode decode(String text, ItemReader.ReaderConfig config, long maxItems) {
        String type = config.inputType();
        return switch (type) {
            case "JSON" -> json(text, maxItems);
            case "JSONL" -> jsonLines(text, maxItems);
            case "CSV" -> csv(text, config, maxItems);
            default -> throw new StatesException(StatesException.ITEM_READER_FAILED, "ReaderConfig.InputType " + type
                    + " is not read by the embedded engine (it reads JSON, JSONL and CSV objects and "
                    + "s3:listObjectsV2): give the items as a JSON, JSONL or CSV object instead.");
        };
    }

    private static ArrayNode json(String text, long maxItems) {
        JsonNode parsed;
        try {
            parsed = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new StatesException(StatesException.ITEM_READER_FAILED, "The S3 object is not valid JSON: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ")");
        }
        if (parsed == null || !parsed.isArray()) {
            throw new StatesException(StatesException.ITEM_READER_FAILED, "Attempting to map over non-iterable node.");
        }
        ArrayNode out = NODES.arrayNode();
        for (int i = 0; i < parsed.size() && out.size() < maxItems; i++) {
            out.add(parsed.get(i));
        }
        return out;
    }

    private static ArrayNode jsonLines(String text, long maxItems) {
        ArrayNode out = NODES.arrayNode();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length && out.size() < maxItems; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                out.add(MAPPER.readTree(lines[i]));
            } catch (JsonProcessingException e) {
                throw new StatesException(StatesException.ITEM_READER_FAILED, "Line " + (i + 1) + " of the S3 object "
                        + "is not a JSON value (InputType JSONL wants one per line): " + e.getOriginalMessage());
            }
        }
        return out;
    }

    private static ArrayNode csv(String text, ItemReader.ReaderConfig config, long maxItems) {
        List<List<String>> rows = CsvRows.parse(text, CsvRows.delimiter(config.csvDelimiter()));
        boolean given = "GIVEN".equals(config.csvHeaderLocation());
        List<String> headers = given ? config.csvHeaders() : rows.isEmpty() ? List.of() : rows.get(0);
        if (new HashSet<>(headers).size() < headers.size()) {
            throw new StatesException(StatesException.ITEM_READER_FAILED, "CSV headers cannot contain duplicates.");
        }
        ArrayNode out = NODES.arrayNode();
        for (int r = given ? 0 : 1; r < rows.size() && out.size() < maxItems; r++) {
            List<String> row = rows.get(r);
            ObjectNode item = out.addObject();
            // extra fields beyond the headers are dropped; missing ones are "" (AWS's recordings)
            for (int i = 0; i < headers.size(); i++) {
                item.put(headers.get(i), i < row.size() ? row.get(i) : "");
            }
        }
        return out;
    }
}
