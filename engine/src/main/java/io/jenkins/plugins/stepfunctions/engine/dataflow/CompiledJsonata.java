package io.jenkins.plugins.stepfunctions.engine.dataflow;

import com.dashjoin.jsonata.Jsonata;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled JSONata expression and the {@code $names} its text mentions. Only those variables (and
 * {@code $states} when mentioned) are converted for an evaluation, since converting every variable and the
 * whole input for each expression would cost time proportional to the data, not to the expression.
 */
record CompiledJsonata(Jsonata jsonata, Set<String> names) {
    private static final Pattern NAME = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");

    static CompiledJsonata compile(String expression) {
        Jsonata jsonata = Jsonata.jsonata(expression);
        // keeps a JSON null result apart from undefined (the library reports both as Java null otherwise)
        jsonata.setOutputConvertNulls(false);
        Set<String> names = new HashSet<>();
        Matcher matcher = NAME.matcher(expression);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return new CompiledJsonata(jsonata, Set.copyOf(names));
    }
}
