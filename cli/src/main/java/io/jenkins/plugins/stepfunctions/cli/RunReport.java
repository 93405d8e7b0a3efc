package io.jenkins.plugins.stepfunctions.cli;

import io.jenkins.plugins.stepfunctions.bridge.render.ExecutionViews;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;

/** {@code sfn run --report FILE.html}: the finished execution's view and history in one HTML file. */
final class RunReport {
    private RunReport() {
    }

    /** Writes the report; false (said on {@code err}) when it could not, so the run does not pass silently without it. */
    static boolean write(SfnClient sfn, String executionArn, Path file, double timeScale, PrintWriter err) {
        try {
            String html = ExecutionViews.read(sfn, executionArn).report(timeScale);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, html, StandardCharsets.UTF_8);
            err.println("sfn run: report written to " + file);
            return true;
        } catch (IOException | SdkException e) {
            err.println("sfn run: could not write the report " + file + ": " + e.getMessage());
            return false;
        } finally {
            err.flush();
        }
    }
}
