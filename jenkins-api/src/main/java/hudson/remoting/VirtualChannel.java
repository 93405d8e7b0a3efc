// Signatures only, no upstream code: mirrors jenkinsci/remoting src/main/java/hudson/remoting/VirtualChannel.java.
package hudson.remoting;

public interface VirtualChannel {
}
