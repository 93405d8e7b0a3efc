// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/AbortException.java @ jenkins-2.541.3.
// The constructor keeps the message, as any exception must, so that tests can read it.
package hudson;

import java.io.IOException;

public class AbortException extends IOException {
    public AbortException(String message) {
        super(message);
    }
}
