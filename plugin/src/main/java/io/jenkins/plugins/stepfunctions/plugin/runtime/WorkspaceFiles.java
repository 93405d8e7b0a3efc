package io.jenkins.plugins.stepfunctions.plugin.runtime;

import java.io.IOException;

/** Reads and writes text files relative to a build's workspace. */
public interface WorkspaceFiles {

    /** @throws IOException naming the path when the file is missing or unreadable */
    String read(String relativePath) throws IOException, InterruptedException;

    void write(String relativePath, String content) throws IOException, InterruptedException;
}
