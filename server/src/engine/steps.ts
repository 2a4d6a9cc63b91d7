/** Runs a stepped computation (analysisSteps, DockerfileUnits.parseInSteps) to its end, for callers that cannot wait. */
export function drain<T>(steps: Generator<void, T, void>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}
