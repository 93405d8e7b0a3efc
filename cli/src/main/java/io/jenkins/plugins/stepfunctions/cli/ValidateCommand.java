package io.jenkins.plugins.stepfunctions.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.bridge.connect.AwsClients;
import io.jenkins.plugins.stepfunctions.engine.asl.Diagnostic;
import io.jenkins.plugins.stepfunctions.engine.asl.StateMachineDefinition;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code sfn validate}: check a definition. Locally with the embedded engine's validator; with
 * {@code --endpoint} or {@code --region}, by the service's ValidateStateMachineDefinition.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate an Amazon States Language definition (locally, or by the service with --endpoint/--region).",
        footer = {"", "Exit codes: 0 valid (warnings allowed), 7 errors found, 2 unreadable file, 6 connection."})
public final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private ConnectionOptions connection = new ConnectionOptions();

    @CommandLine.Option(names = "--output", defaultValue = "text", paramLabel = "text|json",
            description = "text (default) or json: {valid, diagnostics:[{severity, code, location, message}]}.")
    private FollowOptions.Output output = FollowOptions.Output.text;

    @Parameters(index = "0", paramLabel = "FILE", description = "The definition (JSON).")
    private Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String definition;
        try {
            definition = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("sfn validate: " + file + " does not exist; give the path of a definition file");
            err.flush();
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            err.println("sfn validate: cannot read " + file + ": " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        List<Diagnostic> diagnostics;
        String by;
        if (connection.remoteRequested()) {
            try (AwsClients clients = new AwsClients(connection.connection())) {
                diagnostics = clients.sfn().validateStateMachineDefinition(b -> b.definition(definition)).diagnostics().stream()
                        .map(d -> new Diagnostic(d.severityAsString(), d.code(), d.location(), d.message())).toList();
                by = "the service at " + (connection.endpoint != null ? connection.endpoint : clients.connection().region());
            } catch (Exception e) {
                return CliErrors.report("validate", e, err);
            }
        } else {
            diagnostics = StateMachineDefinition.validate(definition);
            by = "the embedded engine";
        }
        boolean valid = diagnostics.stream().noneMatch(d -> "ERROR".equals(d.severity()));
        if (output == FollowOptions.Output.json) {
            ObjectMapper json = new ObjectMapper();
            ObjectNode node = json.createObjectNode().put("file", file.toString()).put("valid", valid);
            ArrayNode list = node.putArray("diagnostics");
            diagnostics.forEach(d -> list.add(json.valueToTree(d)));
            out.println(node);
        } else {
            diagnostics.forEach(d -> out.println(file + ": " + d.severity() + " " + d.code()
                    + (d.location() == null ? "" : " at " + d.location()) + ": " + d.message()));
            out.println(file + ": " + (valid ? "valid" : "INVALID") + " (checked by " + by + ")");
        }
        out.flush();
        return valid ? ExitCodes.OK : ExitCodes.INVALID_DEFINITION;
    }
}
