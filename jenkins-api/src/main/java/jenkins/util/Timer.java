// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/jenkins/util/Timer.java @ jenkins-2.541.3.
package jenkins.util;

import java.util.concurrent.ScheduledExecutorService;

public class Timer {
    private Timer() {
    }

    public static synchronized ScheduledExecutorService get() {
        throw new UnsupportedOperationException();
    }
}
