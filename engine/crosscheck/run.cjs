#!/usr/bin/env node
// Runs ASL definitions on aws-local-stepfunctions, the independent interpreter the engine is
// cross-checked and benchmarked against.
//
//   node run.cjs cases   < requests.jsonl   one JSON line per request {"id","definition","input"},
//                                            prints {"id","status","output","error","cause"} per line
//   node run.cjs bench   < requests.jsonl   one JSON line per request {"id","definition","input",
//                                            "executions","concurrency","warmup","warmupSeconds","repeats"},
//                                            prints {"id","seconds",...} (batches of "warmup" executions run
//                                            first, for at least warmupSeconds, and are not timed; with
//                                            "repeats" the executions run that many times, fastest reported)
//
// Wait states and retry intervals run without delay (the definitions under test never depend
// on real time), so the peer is measured on interpretation, not on sleeping. The peer's schema
// validation is off: AWS accepted every definition of the corpus, and validating costs the
// peer more than running a small case.
'use strict';

const readline = require('node:readline');
const { StateMachine, ExecutionError } = require('aws-local-stepfunctions');

const zeroDelays = (definition, overrides = { waitTimeOverrides: {}, retryIntervalOverrides: {} }) => {
  for (const [name, state] of Object.entries(definition.States || {})) {
    if (state.Type === 'Wait') overrides.waitTimeOverrides[name] = 0;
    if (Array.isArray(state.Retry)) overrides.retryIntervalOverrides[name] = 0;
    for (const branch of state.Branches || []) zeroDelays(branch, overrides);
    for (const processor of [state.Iterator, state.ItemProcessor]) if (processor) zeroDelays(processor, overrides);
  }
  return overrides;
};

const runOne = async (machine, input, overrides) => {
  try {
    const output = await machine.run(input, { overrides }).result;
    return { status: 'SUCCEEDED', output: output === undefined ? null : output };
  } catch (e) {
    const failure = e instanceof ExecutionError && e.cause ? e.cause : e;
    const timedOut = e && e.name === 'ExecutionTimeoutError';
    return {
      status: timedOut ? 'TIMED_OUT' : 'FAILED',
      error: timedOut ? 'States.Timeout' : failure.name,
      cause: failure.message,
    };
  }
};

// a benchmark's last result, small enough to print: arrays by their length
const summarise = (result) => {
  if (!result || result.status !== 'SUCCEEDED') return result;
  const output = result.output;
  return { status: result.status, output: Array.isArray(output) ? { length: output.length } : output };
};

const caseMode = async (request) => {
  let machine;
  try {
    machine = new StateMachine(request.definition, { validationOptions: { noValidate: true } });
  } catch (e) {
    return { id: request.id, status: 'REJECTED', error: e.name, cause: e.message };
  }
  return { id: request.id, ...(await runOne(machine, request.input, zeroDelays(request.definition))) };
};

const benchMode = async (request) => {
  const machine = new StateMachine(request.definition, { validationOptions: { noValidate: true } });
  const overrides = zeroDelays(request.definition);
  const concurrency = Math.max(1, request.concurrency || 1);
  let failed = 0;
  let lastResult = null;
  const runMany = async (executions) => {
    let next = 0;
    const worker = async () => {
      while (next < executions) {
        next++;
        lastResult = await runOne(machine, request.input, overrides);
        if (lastResult.status !== 'SUCCEEDED') failed++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, executions) }, worker));
  };
  const warmupUntil = process.hrtime.bigint() + BigInt(Math.round((request.warmupSeconds || 0) * 1e9));
  do {
    await runMany(request.warmup || 0);
  } while (process.hrtime.bigint() < warmupUntil);
  failed = 0;
  const executions = request.executions || 1;
  let seconds = Infinity;
  for (let r = 0; r < Math.max(1, request.repeats || 1); r++) {
    const started = process.hrtime.bigint();
    await runMany(executions);
    seconds = Math.min(seconds, Number(process.hrtime.bigint() - started) / 1e9);
  }
  return { id: request.id, seconds, executions, failed, sample: summarise(lastResult) };
};

const main = async () => {
  const mode = process.argv[2];
  const handler = { cases: caseMode, bench: benchMode }[mode];
  if (!handler) {
    process.stderr.write('usage: node run.cjs cases|bench < requests.jsonl\n');
    process.exit(2);
  }
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const request = JSON.parse(line);
    let answer;
    try {
      answer = await handler(request);
    } catch (e) {
      answer = { id: request.id, status: 'CRASHED', error: e && e.name, cause: e && e.message };
    }
    process.stdout.write(JSON.stringify(answer) + '\n');
  }
};

main();
