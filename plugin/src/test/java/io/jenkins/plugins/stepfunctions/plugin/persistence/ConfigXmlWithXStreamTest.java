package io.jenkins.plugins.stepfunctions.plugin.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.thoughtworks.xstream.XStream;
import io.jenkins.plugins.stepfunctions.plugin.freestyle.SfnTestBuilder;
import io.jenkins.plugins.stepfunctions.plugin.freestyle.StepFunctionsBuilder;
import org.junit.jupiter.api.Test;

/**
 * The freestyle builder read from {@code config.xml} with the real XStream (what Jenkins' XStream2 builds on):
 * like Jenkins, XStream runs no constructor and no field initialiser, so whatever a hand-written or
 * tool-written config.xml leaves out must still come back with its default. The same config.xml ran in a
 * real Jenkins in {@code it/} (FreestyleIT), where it failed with a NullPointerException before the fix.
 */
class ConfigXmlWithXStreamTest {
    private static XStream xstream() {
        XStream xstream = new XStream();
        xstream.allowTypesByWildcard(new String[] {"io.jenkins.plugins.stepfunctions.**"});
        return xstream;
    }

    @Test
    void builderWithOnlyAStateMachineGetsEveryDefault() throws Exception {
        StepFunctionsBuilder builder = (StepFunctionsBuilder) xstream().fromXML("""
                <io.jenkins.plugins.stepfunctions.plugin.freestyle.StepFunctionsBuilder>
                  <stateMachine>deploy</stateMachine>
                </io.jenkins.plugins.stepfunctions.plugin.freestyle.StepFunctionsBuilder>
                """);

        assertThat(builder.getStateMachine()).isEqualTo("deploy");
        assertThat(builder.isPropagate()).isTrue();
        assertThat(builder.isStopOnAbort()).isTrue();
        assertThat(builder.getRenderStyle()).isEqualTo("plain");
        assertThat(builder.getWaitMode()).isEqualTo("poll");
        assertThat(builder.isBuildMetadata()).isTrue();
        assertThat(builder.getBuildMetadataKey()).isEqualTo("build");
    }

    @Test
    void partialLaunchAndFollowBlocksKeepTheDefaultsOfWhatTheyLeaveOut() throws Exception {
        StepFunctionsBuilder builder = (StepFunctionsBuilder) xstream().fromXML("""
                <io.jenkins.plugins.stepfunctions.plugin.freestyle.StepFunctionsBuilder>
                  <stateMachine>deploy</stateMachine>
                  <launch><input>{}</input></launch>
                  <follow><timeoutMinutes>30</timeoutMinutes></follow>
                </io.jenkins.plugins.stepfunctions.plugin.freestyle.StepFunctionsBuilder>
                """);

        assertThat(builder.getInput()).isEqualTo("{}");
        assertThat(builder.getTimeoutMinutes()).isEqualTo(30);
        assertThat(builder.isPropagate()).isTrue();
        assertThat(builder.isBuildMetadata()).isTrue();
        assertThat(builder.getBuildMetadataKey()).isEqualTo("build");
    }

    @Test
    void savedBuilderReadsBackEqual() throws Exception {
        StepFunctionsBuilder saved = new StepFunctionsBuilder("deploy");
        saved.setPropagate(false);
        saved.setBuildMetadata(false);
        saved.setRegion("eu-west-1");

        StepFunctionsBuilder read = (StepFunctionsBuilder) xstream().fromXML(xstream().toXML(saved));

        assertThat(read.isPropagate()).isFalse();
        assertThat(read.isBuildMetadata()).isFalse();
        assertThat(read.getRegion()).isEqualTo("eu-west-1");
        assertThat(read.isStopOnAbort()).isTrue();
    }

    @Test
    void testBuilderWithOnlyItsPathsGetsTheDefaultTimeScaleAndTimeLimit() {
        SfnTestBuilder builder = (SfnTestBuilder) xstream().fromXML("""
                <io.jenkins.plugins.stepfunctions.plugin.freestyle.SfnTestBuilder>
                  <tests><paths>statemachines</paths></tests>
                </io.jenkins.plugins.stepfunctions.plugin.freestyle.SfnTestBuilder>
                """);
        SfnTestBuilder empty = (SfnTestBuilder) xstream().fromXML(
                "<io.jenkins.plugins.stepfunctions.plugin.freestyle.SfnTestBuilder/>");

        assertThat(builder.getPaths()).isEqualTo("statemachines");
        assertThat(builder.getTimeScale()).isEqualTo(0.001);
        assertThat(builder.getCaseTimeoutSeconds()).isEqualTo(120);
        assertThat(builder.getMinCoverage()).isNull();
        assertThat(empty.getPaths()).isEmpty();
        assertThat(empty.getTimeScale()).isEqualTo(0.001);
    }
}
