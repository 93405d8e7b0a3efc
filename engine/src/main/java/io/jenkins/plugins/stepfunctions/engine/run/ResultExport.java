package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import io.jenkins.plugins.stepfunctions.engine.asl.ResultWriter;
import io.jenkins.plugins.stepfunctions.engine.asl.State;
import io.jenkins.plugins.stepfunctions.engine.history.EventDetails;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A distributed Map's ResultWriter at the end of its Map Run. With a Resource and an
 * {@code --s3-dir} folder it writes what AWS writes to S3 ({@code <Prefix>/<map run id>/manifest.json}
 * and one SUCCEEDED_0 / FAILED_0 / PENDING_0 file per status that has executions) and the Map's result
 * becomes {MapRunArn, ResultWriterDetails}. Without a folder the results stay in the state output, as
 * without a ResultWriter; with only a WriterConfig they are formatted there.
 */
final class ResultExport {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final StateContext run;
    private final ResultWriter writer;
    private final String mapRunArn;

    ResultExport(StateContext run, State.Map state, String mapRunArn) {
        this.run = run;
        this.writer = state.resultWriter();
        this.mapRunArn = mapRunArn;
    }

    /** The Map's raw result. {@code compact}: the iterations' outputs, as without a ResultWriter. */
    JsonNode finish(List<ChildExecution> children, JsonNode compact, JsonNode effective) {
        if (writer.resource() == null) {
            return formatted(children, writer.effectiveTransformation());
        }
        S3Folder folder = run.execution().services().s3();
        if (folder == null) {
            // no S3 here: the results stay in the output, as the docs say
            return compact;
        }
        JsonNode request = request(effective);
        String bucket = request.path("Bucket").asText("");
        if (bucket.isEmpty()) {
            throw new StatesException(StatesException.RESULT_WRITER_FAILED, "The ResultWriter's "
                    + run.flow().parametersField() + " have no 'Bucket'.");
        }
        String prefix = request.path("Prefix").asText("");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix += "/";
        }
        String dir = prefix + mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1) + "/";
        ObjectNode files = NODES.objectNode();
        for (String status : List.of("FAILED", "PENDING", "SUCCEEDED")) {
            ArrayNode listed = files.putArray(status);
            List<ChildExecution> group = children.stream().filter(c -> c.status().equals(status)).toList();
            if (group.isEmpty()) {
                continue;
            }
            String transformation = status.equals("SUCCEEDED") ? writer.effectiveTransformation() : "NONE";
            String key = dir + status + "_0." + (writer.outputType().equals("JSONL") ? "jsonl" : "json");
            long size = folder.put(bucket, key, body(formatted(group, transformation)));
            ObjectNode entry = listed.addObject();
            entry.put("Key", key);
            entry.put("Size", size);
        }
        ObjectNode manifest = NODES.objectNode();
        manifest.put("DestinationBucket", bucket);
        manifest.put("MapRunArn", mapRunArn);
        manifest.set("ResultFiles", files);
        String manifestKey = dir + "manifest.json";
        folder.put(bucket, manifestKey, manifest.toPrettyString().getBytes(StandardCharsets.UTF_8));
        ObjectNode out = NODES.objectNode();
        out.put("MapRunArn", mapRunArn);
        ObjectNode details = out.putObject("ResultWriterDetails");
        details.put("Bucket", bucket);
        details.put("Key", manifestKey);
        return out;
    }

    private JsonNode request(JsonNode effective) {
        if (writer.parameters() == null) {
            return NODES.objectNode();
        }
        return run.flow().payload(run, writer.parameters(), effective, run.context(), "Arguments");
    }

    private byte[] body(ArrayNode entries) {
        if (!writer.outputType().equals("JSONL")) {
            return EventDetails.text(entries).getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder lines = new StringBuilder();
        entries.forEach(e -> lines.append(EventDetails.text(e)).append('\n'));
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * NONE: each execution's metadata with its input and output as text; COMPACT: the outputs;
     * FLATTEN: the outputs with arrays spread. A failed or pending execution is always its metadata.
     */
    private ArrayNode formatted(List<ChildExecution> children, String transformation) {
        ArrayNode out = NODES.arrayNode();
        for (ChildExecution c : children) {
            if (!c.status().equals("SUCCEEDED") || transformation.equals("NONE")) {
                out.add(metadata(c));
            } else if (transformation.equals("FLATTEN") && c.output().isArray()) {
                out.addAll((ArrayNode) c.output());
            } else {
                out.add(c.output());
            }
        }
        return out;
    }

    private ObjectNode metadata(ChildExecution c) {
        String machine = mapRunArn.replace(":mapRun:", ":stateMachine:");
        String executions = mapRunArn.replace(":mapRun:", ":execution:");
        ObjectNode o = NODES.objectNode();
        o.put("ExecutionArn", executions.substring(0, executions.lastIndexOf(':') + 1) + c.name());
        o.put("Input", EventDetails.text(c.input()));
        o.putObject("InputDetails").put("Included", true);
        o.put("Name", c.name());
        if (c.output() != null) {
            o.put("Output", EventDetails.text(c.output()));
            o.putObject("OutputDetails").put("Included", true);
        }
        if (c.error() != null) {
            o.put("Error", c.error().error());
            if (c.error().cause() != null) {
                o.put("Cause", c.error().cause());
            }
        }
        o.put("RedriveCount", 0);
        if (c.start() != null) {
            o.put("StartDate", c.start().toString());
        }
        o.put("StateMachineArn", machine);
        o.put("Status", c.status());
        if (c.stop() != null) {
            o.put("StopDate", c.stop().toString());
        }
        return o;
    }
}
