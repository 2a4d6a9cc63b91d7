import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analysisSteps, analyze } from '../../../server/src/engine/analyze';
import { createAnalysisState } from '../../../server/src/engine/analysis-state';
import { DEFAULT_CONFIG, severityOf } from '../../../server/src/engine/config';
import { dockerfileRules } from '../../../server/src/engine/rules';

/** The findings of a stepped analysis, and how many steps it took. */
function stepped(text: string): { steps: number; findings: ReturnType<typeof analyze> } {
  const steps = analysisSteps(text, { kind: 'dockerfile' });
  let count = 0;
  let step = steps.next();
  while (!step.done) {
    count++;
    step = steps.next();
  }
  return { steps: count, findings: step.value };
}

describe('stepped analysis: the language server yields between steps', () => {
  // The per-instruction checks the default configuration runs.
  const perInstruction = dockerfileRules.filter((r) => (r.checkInstruction || r.checkShellSource) && severityOf(r.meta, DEFAULT_CONFIG) !== 'off').length;

  it('checks an instruction over 16 KB one rule per step, with the same findings', () => {
    const small = 'FROM alpine:3.23\nRUN curl -k https://x/y | sh\nUSER app\n';
    const large = `FROM alpine:3.23\nRUN ${'echo x && '.repeat(2_000)}curl -k https://x/y | sh\nUSER app\n`;
    const a = stepped(small);
    const b = stepped(large);
    assert.ok(b.steps - a.steps >= perInstruction, `${a.steps} steps for the small RUN, ${b.steps} for the large one`);
    assert.deepEqual(
      b.findings.map((f) => f.code),
      a.findings.map((f) => f.code),
    );
    assert.deepEqual(b.findings, analyze(large, { kind: 'dockerfile' }));
  });

  it('applies suppressions in steps of their own', () => {
    const plain = 'FROM alpine:3.23\nUSER root\n';
    const suppressed = 'FROM alpine:3.23\n# dockguard-ignore root-user -- needs port 80\nUSER root\n';
    assert.ok(stepped(suppressed).steps >= stepped(plain).steps + 3);
    assert.deepEqual(stepped(suppressed).findings, []);
  });
});

describe('stepped parse: an analysis dropped between two steps', () => {
  it('leaves no half-updated instructions behind: the next analysis with the same state is a full one', () => {
    const state = createAnalysisState();
    const line = (i: number) => `RUN echo ${i} && curl -k https://x/${i} | sh\n`;
    const first = 'FROM alpine:3.23\n' + Array.from({ length: 2_000 }, (_, i) => line(i)).join('') + 'USER app\n';
    analyze(first, { kind: 'dockerfile', state });
    // An edit at the top re-parses everything after it: dropped after a few steps of that parse.
    const edited = 'FROM alpine:3.22\nRUN sudo true\n' + first.slice('FROM alpine:3.23\n'.length);
    const steps = analysisSteps(edited, { kind: 'dockerfile', state });
    for (let i = 0; i < 3; i++) steps.next();
    const next = edited.replace('RUN echo 7 ', 'RUN echo seven ');
    assert.deepEqual(analyze(next, { kind: 'dockerfile', state }), analyze(next, { kind: 'dockerfile' }));
    assert.deepEqual(analyze(first, { kind: 'dockerfile', state }), analyze(first, { kind: 'dockerfile' }));
  });
});
