package io.jenkins.plugins.stepfunctions.plugin.build;

import java.util.List;

/**
 * Who may answer an approval, with the {@code input} step's rule: without named submitters, anyone who may
 * build the job; with them, only the named users or members of the named groups, and administrators.
 */
public record ApproverCheck(String userId, List<String> authorities, boolean mayBuild, boolean administrator) {

    public boolean allows(List<String> submitters) {
        if (submitters.isEmpty()) {
            return mayBuild;
        }
        if (administrator) {
            return true;
        }
        return userId != null && submitters.stream().anyMatch(s -> s.trim().equalsIgnoreCase(userId)
                || authorities.stream().anyMatch(a -> a.equalsIgnoreCase(s.trim())));
    }
}
