// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/EnvVars.java @ jenkins-2.541.3.
// The constructor only sets up the TreeMap so that fakes in tests can hold variables.
package hudson;

import java.util.TreeMap;

public class EnvVars extends TreeMap<String, String> {
    public EnvVars() {
        super(String.CASE_INSENSITIVE_ORDER);
    }

    public String expand(String s) {
        throw new UnsupportedOperationException();
    }
}
