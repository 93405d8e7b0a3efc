package io.jenkins.plugins.stepfunctions.bridge.launch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;

/**
 * Builds one execution input from many sources, in order: each later source is deep-merged into the
 * result so far (objects merge key by key, anything else replaces). A single non-object JSON source
 * is used as is. The result is checked against Step Functions' 256 KiB input limit before any call.
 */
public final class ExecutionInputAssembler {
    /** Step Functions' limit on execution input, in UTF-8 bytes. */
    public static final int MAX_INPUT_BYTES = 256 * 1024;

    private final ObjectMapper json = new ObjectMapper();

    public String assemble(List<InputSource> sources) {
        JsonNode result = null;
        for (InputSource source : sources) {
            JsonNode node = read(source);
            checkSize(source.label(), node);
            if (result == null) {
                result = node;
            } else if (result.isObject() && node.isObject()) {
                merge((ObjectNode) result, (ObjectNode) node);
            } else {
                throw new InvalidInputException(source.label(),
                        "cannot merge a JSON " + node.getNodeType().name().toLowerCase()
                                + " with the input before it (only objects merge)",
                        "make every input source a JSON object, or give a single source");
            }
        }
        if (result == null) {
            result = json.createObjectNode();
        }
        checkSize("assembled input", result);
        return result.toString();
    }

    private JsonNode read(InputSource source) {
        if (source instanceof InputSource.JsonText t) {
            return parse(source.label(), t.json());
        }
        if (source instanceof InputSource.JsonFile f) {
            try {
                long size = Files.size(f.file());
                if (size > MAX_INPUT_BYTES) {
                    throw tooLarge(source.label(), size);
                }
                return parse(source.label(), Utf8Text.decode(Files.readAllBytes(f.file())));
            } catch (Utf8Text.NotUtf8Exception e) {
                throw new InvalidInputException(source.label(), e.where().problem(), Utf8Text.NotUtf8.FIX);
            } catch (NoSuchFileException e) {
                throw new InvalidInputException(source.label(), "the file does not exist",
                        "check the path (relative paths are resolved against the workspace)");
            } catch (IOException e) {
                throw new InvalidInputException(source.label(), "cannot read the file: " + e.getMessage(),
                        "check the file's permissions");
            }
        }
        if (source instanceof InputSource.Values v) {
            ObjectNode node = json.createObjectNode();
            v.values().forEach((k, value) -> put(node, key(source, k), v.parseJsonValues() ? parseLenient(value)
                    : json.getNodeFactory().textNode(value)));
            return node;
        }
        if (source instanceof InputSource.EnvironmentVariables e) {
            // a variable asked for by name and not set is most likely a typo: a deployment must not start
            // without a value its build meant to pass
            if (e.names() != null) {
                for (String name : e.names()) {
                    if (!e.environment().containsKey(name)) {
                        throw new InvalidInputException(source.label(), "the variable " + name + " is not set",
                                "set " + name + " in the build's environment, or stop naming it");
                    }
                }
            }
            ObjectNode node = json.createObjectNode();
            for (Map.Entry<String, String> entry : e.environment().entrySet()) {
                boolean named = e.names() != null && e.names().contains(entry.getKey());
                boolean prefixed = e.prefix() != null && !e.prefix().isEmpty() && entry.getKey().startsWith(e.prefix());
                if (named || prefixed) {
                    node.put(entry.getKey(), entry.getValue());
                }
            }
            return node;
        }
        InputSource.BuildMetadata b = (InputSource.BuildMetadata) source;
        ObjectNode meta = json.createObjectNode();
        putIfPresent(meta, "job", b.job());
        putIfPresent(meta, "number", b.buildNumber());
        putIfPresent(meta, "url", b.buildUrl());
        putIfPresent(meta, "gitCommit", b.gitCommit());
        putIfPresent(meta, "gitBranch", b.gitBranch());
        ObjectNode node = json.createObjectNode();
        node.set(b.key() == null || b.key().isBlank() ? "build" : b.key(), meta);
        return node;
    }

    private JsonNode parse(String label, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(label, "is empty", "give a JSON value such as {} or {\"version\":\"1.2.3\"}");
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_INPUT_BYTES) {
            throw tooLarge(label, bytes);
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new InvalidInputException(label,
                    "is not valid JSON" + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr())
                            + ": " + e.getOriginalMessage(),
                    "fix the JSON (quote keys and strings with \")");
        }
    }

    private JsonNode parseLenient(String value) {
        try {
            return value == null ? json.nullNode() : json.readTree(value);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(value);
        }
    }

    private static DottedKey key(InputSource source, String key) {
        try {
            return DottedKey.parse(key);
        } catch (IllegalArgumentException e) {
            String[] problemAndFix = e.getMessage().split("; ", 2);
            throw new InvalidInputException(source.label(), problemAndFix[0], problemAndFix.length > 1 ? problemAndFix[1] : null);
        }
    }

    private void checkSize(String label, JsonNode node) {
        String text;
        try {
            text = node.toString();
        } catch (RuntimeException e) {
            // JsonNode.toString wraps the writer's StreamConstraintsException: merged sources nest over 1,000 levels
            throw new InvalidInputException(label, "nests deeper than the 1,000 levels JSON is read and written with",
                    "flatten the input, or pass deep data by reference (e.g. an S3 URI)");
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_INPUT_BYTES) {
            throw tooLarge(label, bytes);
        }
    }

    private static InvalidInputException tooLarge(String label, long bytes) {
        return new InvalidInputException(label,
                "is " + bytes + " bytes, over Step Functions' limit of " + MAX_INPUT_BYTES + " bytes (256 KiB)",
                "pass large data by reference (e.g. an S3 URI) instead of inline");
    }

    private static void put(ObjectNode root, DottedKey key, JsonNode value) {
        List<String> names = key.names();
        ObjectNode node = root;
        for (String name : names.subList(0, names.size() - 1)) {
            JsonNode child = node.get(name);
            node = child instanceof ObjectNode o ? o : node.putObject(name);
        }
        node.set(names.get(names.size() - 1), value);
    }

    private static void putIfPresent(ObjectNode node, String key, String value) {
        if (value != null && !value.isBlank()) {
            node.put(key, value);
        }
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        from.fields().forEachRemaining(e -> {
            JsonNode existing = into.get(e.getKey());
            if (existing instanceof ObjectNode o && e.getValue() instanceof ObjectNode f) {
                merge(o, f);
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }
}
