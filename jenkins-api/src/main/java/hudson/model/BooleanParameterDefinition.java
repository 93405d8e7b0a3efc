// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/model/BooleanParameterDefinition.java @ jenkins-2.541.3.
// Upstream extends SimpleParameterDefinition (a ParameterDefinition).
package hudson.model;

public class BooleanParameterDefinition extends ParameterDefinition {
    public BooleanParameterDefinition(String name, boolean defaultValue, String description) {
        super(name);
    }
}
