/**
 * The data flow of Amazon States Language: JSONPath reads and ResultPath, payload templates,
 * intrinsic functions, Choice rules and JSONata.
 *
 * <p>Conventions the interpreter relies on:
 * <ul>
 *   <li>Every function is pure: a {@link com.fasterxml.jackson.databind.JsonNode} passed in is never
 *       modified, and a result may share unchanged sub-trees with its inputs, so callers treat nodes as
 *       immutable.</li>
 *   <li>A {@link io.jenkins.plugins.stepfunctions.engine.StatesException} thrown here carries AWS's error
 *       name and the part of AWS's cause that follows the state prefix; the interpreter prepends
 *       {@code "An error occurred while executing the state 'NAME' (entered at the event id #N). "}
 *       where AWS does.</li>
 *   <li>Compiled JSONPath, intrinsic and JSONata expressions are kept in bounded caches
 *       ({@link io.jenkins.plugins.stepfunctions.engine.dataflow.BoundedCache}) because the same few
 *       expressions of a definition are evaluated on every transition. Choice rules are compiled once,
 *       when the definition is parsed ({@link io.jenkins.plugins.stepfunctions.engine.dataflow.ChoiceRule}).</li>
 * </ul>
 */
package io.jenkins.plugins.stepfunctions.engine.dataflow;
