// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/model/StringParameterDefinition.java @ jenkins-2.541.3.
// Upstream extends SimpleParameterDefinition (a ParameterDefinition).
package hudson.model;

public class StringParameterDefinition extends ParameterDefinition {
    public StringParameterDefinition(String name, String defaultValue, String description) {
        super(name);
    }
}
