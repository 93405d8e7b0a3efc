// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/model/ChoiceParameterDefinition.java @ jenkins-2.541.3.
// Upstream extends SimpleParameterDefinition (a ParameterDefinition).
package hudson.model;

public class ChoiceParameterDefinition extends ParameterDefinition {
    public ChoiceParameterDefinition(String name, String[] choices, String description) {
        super(name);
    }
}
