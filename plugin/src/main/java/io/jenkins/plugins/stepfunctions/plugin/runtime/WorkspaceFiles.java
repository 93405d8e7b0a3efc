package io.jenkins.plugins.stepfunctions.plugin.runtime;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;

/** Reads and writes text files relative to a build's workspace, and runs work on the machine that holds it. */
public interface WorkspaceFiles {

    /** @throws IOException naming the path when the file is missing or unreadable */
    String read(String relativePath) throws IOException, InterruptedException;

    void write(String relativePath, String content) throws IOException, InterruptedException;

    /**
     * Runs {@code task} on the machine that holds the workspace (the agent; the controller only for a build on
     * the built-in node), with the workspace as a local folder, and returns its result.
     */
    <T extends Serializable> T runThere(WorkspaceTask<T> task) throws IOException, InterruptedException;

    /** Work sent to the workspace's machine: it and its result travel over remoting, so both are serialisable. */
    interface WorkspaceTask<T extends Serializable> extends Serializable {
        T run(Path workspace) throws IOException, InterruptedException;
    }
}
