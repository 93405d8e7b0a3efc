package io.jenkins.plugins.stepfunctions.plugin.connect;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.Optional;
import jenkins.model.Jenkins;
import software.amazon.awssdk.regions.Region;

/** The drop-downs and checks the configuration forms share, as Jenkins' form controls want them. */
public final class ConnectionForm {
    private ConnectionForm() {
    }

    /**
     * AWS credentials the job may use, for a credentials drop-down. Users who may not configure the job see only
     * the current value, as the credentials plugin recommends.
     */
    public static ListBoxModel credentials(Item item, String credentialsId) {
        StandardListBoxModel result = new StandardListBoxModel();
        boolean allowed = item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
        if (!allowed) {
            return result.includeCurrentValue(credentialsId);
        }
        return result.includeEmptyValue()
                .includeAs(ACL.SYSTEM2, item, AmazonWebServicesCredentials.class)
                .includeCurrentValue(credentialsId);
    }

    /** Every region the AWS SDK knows, after an empty choice meaning the build's AWS_REGION. */
    public static ListBoxModel regions() {
        ListBoxModel model = new ListBoxModel();
        model.add("(AWS_REGION of the build)", "");
        Region.regions().stream().map(Region::id).sorted().forEach(id -> model.add(id, id));
        return model;
    }

    public static ListBoxModel renderStyles() {
        ListBoxModel model = new ListBoxModel();
        model.add("Plain text", "plain");
        model.add("ANSI colours", "color");
        model.add("JSON lines", "json");
        return model;
    }

    public static ListBoxModel waitModes() {
        ListBoxModel model = new ListBoxModel();
        model.add("Poll the history (adaptive)", "poll");
        model.add("Callbacks, with a slow safety poll", "callback");
        model.add("EventBridge events through SQS, with a slow safety poll", "sqs");
        return model;
    }

    public static ListBoxModel approvalModes() {
        ListBoxModel model = new ListBoxModel();
        model.add("Jenkins input steps (Proceed / Abort, the input REST API)", "input");
        model.add("The build's Step Functions page", "page");
        return model;
    }

    public static FormValidation check(Optional<String> problem) {
        return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
    }
}
