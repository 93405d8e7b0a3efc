package io.jenkins.plugins.stepfunctions.it.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a build's console says about an execution, read the way a person reads it. */
public final class Consoles {
    /** {@code 18:21:29   > RunLoadTest (Task)}: the renderer's line for a StateEntered event. */
    private static final Pattern ENTERED = Pattern.compile("(?m)^\\d\\d:\\d\\d:\\d\\d\\s+> (\\S+) \\(");
    private static final Pattern STARTED = Pattern.compile("Started execution (arn:aws:states:\\S+:execution:\\S+)");

    private Consoles() {
    }

    /** The states the console shows as entered, in console order, one per StateEntered line. */
    public static List<String> enteredStates(String console) {
        List<String> names = new ArrayList<>();
        Matcher m = ENTERED.matcher(console);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The ARN of the execution the console says the step started (the first one). */
    public static String startedExecution(String console) {
        Matcher m = STARTED.matcher(console);
        if (!m.find()) {
            throw new AssertionError("the console names no started execution:\n" + console);
        }
        return m.group(1);
    }

    /** A Groovy string literal holding {@code text} exactly. */
    public static String groovyLiteral(String text) {
        return "'''" + text.replace("\\", "\\\\").replace("'''", "\\'\\'\\'").replace("$", "\\$") + "'''";
    }
}
