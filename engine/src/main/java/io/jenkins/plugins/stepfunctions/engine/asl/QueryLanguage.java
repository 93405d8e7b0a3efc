package io.jenkins.plugins.stepfunctions.engine.asl;

/** The two query languages of Amazon States Language. */
public enum QueryLanguage {
    JSONPATH, JSONATA;

    static QueryLanguage of(String text) {
        return "JSONata".equals(text) ? JSONATA : JSONPATH;
    }
}
