// Signatures only, no upstream code: mirrors jenkinsci/jenkins core/src/main/java/hudson/util/ListBoxModel.java @ jenkins-2.541.3.
package hudson.util;

import java.util.ArrayList;

public class ListBoxModel extends ArrayList<ListBoxModel.Option> {
    public ListBoxModel() {
    }

    public void add(String displayName, String value) {
        throw new UnsupportedOperationException();
    }

    public static final class Option {
        private Option() {
        }
    }
}
