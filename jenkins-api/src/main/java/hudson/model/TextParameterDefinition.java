// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/model/TextParameterDefinition.java @ jenkins-2.541.3.
package hudson.model;

public class TextParameterDefinition extends StringParameterDefinition {
    public TextParameterDefinition(String name, String defaultValue, String description) {
        super(name, defaultValue, description);
    }
}
