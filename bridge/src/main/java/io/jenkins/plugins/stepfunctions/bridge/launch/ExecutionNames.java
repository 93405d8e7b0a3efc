package io.jenkins.plugins.stepfunctions.bridge.launch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Execution names under AWS's rules: 1-80 characters from {@code [A-Za-z0-9_-]} (AWS also refuses
 * whitespace, brackets, wildcards, punctuation and control characters; this is the safe subset).
 * A derived name is stable for a given job, build and attempt, which is what makes a retried start
 * idempotent.
 */
public final class ExecutionNames {
    public static final int MAX_LENGTH = 80;

    private ExecutionNames() {
    }

    /** {@code <job>-<build>[-<attempt>]}, sanitised; attempt 1 or less is left out. */
    public static String derive(String job, String buildNumber, int attempt) {
        String base = (job == null || job.isBlank() ? "build" : job) + "-" + (buildNumber == null ? "0" : buildNumber);
        return sanitise(attempt > 1 ? base + "-" + attempt : base);
    }

    /**
     * {@code <job>-<build>-<step>}, sanitised: the name of the execution a Pipeline step starts, where {@code step}
     * is the id of the step's flow node. Flow node ids are unique in a build (two steps in {@code parallel}
     * get different names) and kept across a controller restart (a start retried after one gets the same name and
     * attaches to the execution it already started). Over 80 characters, the end (build and step) is kept.
     */
    public static String forStep(String job, String buildNumber, String stepId) {
        String base = (job == null || job.isBlank() ? "build" : job) + "-" + (buildNumber == null ? "0" : buildNumber);
        return sanitise(base + "-" + stepId);
    }

    /**
     * Replaces every character AWS refuses with {@code -}, collapses runs, and shortens names over 80
     * characters keeping the end (build number, attempt) and a hash of the whole, so that two long
     * names that differ only in the middle stay different.
     */
    public static String sanitise(String name) {
        String clean = name.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
        if (clean.isEmpty()) {
            clean = "execution";
        }
        if (clean.length() <= MAX_LENGTH) {
            return clean;
        }
        String hash = sha1(name).substring(0, 8);
        int keepEnd = 30;
        String head = clean.substring(0, MAX_LENGTH - keepEnd - hash.length() - 2);
        String tail = clean.substring(clean.length() - keepEnd);
        return head + "-" + hash + "-" + tail;
    }

    public static boolean isValid(String name) {
        return name != null && !name.isEmpty() && name.length() <= MAX_LENGTH && name.matches("[A-Za-z0-9_-]+");
    }

    private static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JVM", e);
        }
    }
}
