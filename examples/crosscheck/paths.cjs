#!/usr/bin/env node
// Runs every example x test case on aws-local-stepfunctions, an independent ASL interpreter, with the
// example's mock config applied the way Step Functions Local applies it (responses by state name and
// invocation index, the last one repeating) and the expected approvals answered. Prints one JSON line
// per test case: {"example","testCase","status","error","entered":[state names in order]}.
//
//   NODE_PATH=engine/crosscheck/node_modules node examples/crosscheck/paths.cjs examples
//
// Waits and retry intervals run without delay. An example with a JSONata state is skipped (the peer
// has no JSONata).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { StateMachine, ExecutionError } = require('aws-local-stepfunctions');

// Node 20 lacks Promise.withResolvers, which the interpreter uses for TimeoutSeconds.
if (!Promise.withResolvers) {
  Promise.withResolvers = () => {
    let resolve;
    let reject;
    const promise = new Promise((ok, ko) => { resolve = ok; reject = ko; });
    return { promise, resolve, reject };
  };
}

const read = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

const walk = (scope, visit) => {
  for (const [name, state] of Object.entries(scope.States || {})) {
    visit(name, state);
    for (const branch of state.Branches || []) walk(branch, visit);
    for (const processor of [state.Iterator, state.ItemProcessor]) if (processor) walk(processor, visit);
  }
};

const responseFor = (responses, invocation) => {
  let last = null;
  let lastEnd = -1;
  for (const [key, value] of Object.entries(responses)) {
    const [from, to] = key.includes('-') ? key.split('-').map(Number) : [Number(key), Number(key)];
    if (invocation >= from && invocation <= to) return value;
    if (to > lastEnd) { lastEnd = to; last = value; }
  }
  return last;
};

const failure = (error, cause) => {
  const e = new Error(cause || '');
  e.name = error;
  return e;
};

const runCase = async (definition, mock, machineName, expected) => {
  const testCase = mock.StateMachines[machineName].TestCases[expected.testCase];
  const invocations = {};
  const approvals = [...(expected.approvals || [])];
  const overrides = { taskResourceLocalHandlers: {}, waitTimeOverrides: {}, retryIntervalOverrides: {} };
  walk(definition, (name, state) => {
    if (state.Type === 'Wait') overrides.waitTimeOverrides[name] = 0;
    if (Array.isArray(state.Retry)) overrides.retryIntervalOverrides[name] = 0;
    if (state.Type !== 'Task') return;
    overrides.taskResourceLocalHandlers[name] = async () => {
      if (testCase[name] === undefined) {
        const answer = approvals.shift();
        if (!answer || answer.state !== name) throw failure('States.Runtime', `${name} is neither mocked nor answered`);
        if (answer.answer !== 'approve') throw failure('Approval.Rejected', `rejected by ${answer.approver}`);
        return { approved: true, approver: answer.approver, comment: answer.comment, parameters: {} };
      }
      const invocation = invocations[name] = (invocations[name] ?? -1) + 1;
      const response = responseFor(mock.MockedResponses[testCase[name]], invocation);
      if (response.Throw) throw failure(response.Throw.Error, response.Throw.Cause);
      const value = response.Return;
      // an optimized Lambda integration returns the whole response; the payload stays under Payload
      return value;
    };
  });
  const machine = new StateMachine(definition, { validationOptions: { noValidate: true } });
  // the peer leaves the context object empty unless given one; these are the fields the examples read
  const context = {
    Execution: { Id: `arn:aws:states:us-east-1:123456789012:execution:${machineName}:${expected.testCase}`,
      Name: expected.testCase, Input: expected.input, StartTime: new Date().toISOString() },
    StateMachine: { Id: `arn:aws:states:us-east-1:123456789012:stateMachine:${machineName}`, Name: machineName },
    Task: { Token: 'crosscheck-task-token' },
  };
  const execution = machine.run(JSON.parse(JSON.stringify(expected.input)), { overrides, context });
  const entered = [];
  const logs = (async () => {
    for await (const event of execution.eventLogs) if (event.type === 'StateEntered') entered.push(event.state.name);
  })();
  let status = 'SUCCEEDED';
  let error = null;
  try {
    await execution.result;
  } catch (e) {
    const cause = e instanceof ExecutionError && e.cause ? e.cause : e;
    status = e && e.name === 'ExecutionTimeoutError' ? 'TIMED_OUT' : 'FAILED';
    error = status === 'TIMED_OUT' ? 'States.Timeout' : cause.name;
    if (process.env.DEBUG) process.stderr.write(`${cause.name}: ${cause.message}\n`);
  }
  await logs;
  return { status, error, entered };
};

const main = async () => {
  const root = process.argv[2] || '.';
  for (const example of fs.readdirSync(root).sort()) {
    const dir = path.join(root, example);
    if (!fs.existsSync(path.join(dir, 'statemachine.asl.json'))) continue;
    const definition = read(path.join(dir, 'statemachine.asl.json'));
    const mock = read(path.join(dir, 'mock-config.json'));
    const expectations = read(path.join(dir, 'expected-paths.json'));
    const input = read(path.join(dir, 'input.json'));
    let jsonata = false;
    walk(definition, (name, state) => { jsonata = jsonata || state.QueryLanguage === 'JSONata'; });
    if (definition.QueryLanguage === 'JSONata' || jsonata) {
      process.stdout.write(JSON.stringify({ example, status: 'SKIPPED', error: 'the peer has no JSONata' }) + '\n');
      continue;
    }
    for (const [testCase, expected] of Object.entries(expectations.testCases)) {
      let result;
      try {
        result = await runCase(definition, mock, expectations.stateMachineName, { ...expected, testCase, input });
      } catch (e) {
        result = { status: 'CRASHED', error: `${e.name}: ${e.message}`, entered: [] };
      }
      process.stdout.write(JSON.stringify({ example, testCase, ...result }) + '\n');
    }
  }
};

main().catch((e) => { process.stderr.write(String(e && e.stack || e) + '\n'); process.exit(1); });
