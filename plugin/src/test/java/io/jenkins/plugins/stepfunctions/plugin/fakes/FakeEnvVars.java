package io.jenkins.plugins.stepfunctions.plugin.fakes;

import hudson.EnvVars;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Environment variables that expand as Jenkins' {@code EnvVars.expand} is documented to: {@code $NAME} and
 * {@code ${NAME}} are replaced, {@code $$} is a dollar, an undefined variable stays as written, null stays null.
 * The jenkins-api stub has no body; this is the tests' own implementation of that contract.
 */
public final class FakeEnvVars extends EnvVars {
    private static final Pattern VARIABLE = Pattern.compile("\\$(\\$|[A-Za-z0-9_]+|\\{([A-Za-z0-9_.]+)})");

    public FakeEnvVars(Map<String, String> vars) {
        putAll(vars);
    }

    @Override
    public String expand(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = VARIABLE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2) != null ? m.group(2) : m.group(1);
            String value = name.equals("$") ? "$" : get(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        return m.appendTail(out).toString();
    }
}
