package io.jenkins.plugins.stepfunctions.engine.dataflow;

import java.util.List;

/** A parsed intrinsic function call and its arguments. */
record IntrinsicCall(String name, List<IntrinsicArgument> arguments) implements IntrinsicArgument {
}
