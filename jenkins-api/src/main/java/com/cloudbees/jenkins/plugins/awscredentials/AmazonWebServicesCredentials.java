// Signatures only, no upstream code: mirrors jenkinsci/aws-credentials-plugin
// src/main/java/com/cloudbees/jenkins/plugins/awscredentials/AmazonWebServicesCredentials.java @ 262.v0efb_28f71f94.
package com.cloudbees.jenkins.plugins.awscredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

public interface AmazonWebServicesCredentials extends StandardCredentials, AwsCredentialsProvider {
}
