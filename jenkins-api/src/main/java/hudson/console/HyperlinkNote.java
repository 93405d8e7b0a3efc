// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/console/HyperlinkNote.java @ jenkins-2.541.3.
package hudson.console;

public class HyperlinkNote {
    public HyperlinkNote(String url, int length) {
    }

    public static String encodeTo(String url, String text) {
        throw new UnsupportedOperationException();
    }
}
