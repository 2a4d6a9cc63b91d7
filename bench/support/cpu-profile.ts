import * as fs from 'node:fs';
import { Session } from 'node:inspector';
import * as path from 'node:path';

/** The parts of a V8 .cpuprofile this summary reads. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Profiles `work` with V8's sampling profiler (what `node --cpu-prof` uses), in this process. */
export async function profile(work: () => void, sampleIntervalUs = 100): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: sampleIntervalUs });
  await post('Profiler.start');
  work();
  const { profile: result } = (await post('Profiler.stop')) as { profile: CpuProfile };
  session.disconnect();
  return result;
}

export interface SelfTime {
  name: string;
  where: string;
  ms: number;
}

/** Self time per function (summed over every call site), largest first, and per source file or package. */
export function selfTimes(profile: CpuProfile): { functions: SelfTime[]; files: SelfTime[]; totalMs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const perNode = new Map<number, number>();
  profile.samples.forEach((id, i) => perNode.set(id, (perNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));

  const functions = new Map<string, SelfTime>();
  const files = new Map<string, SelfTime>();
  let totalMs = 0;
  for (const [id, ms] of perNode) {
    const frame = byId.get(id)!.callFrame;
    totalMs += ms;
    const where = shortLocation(frame.url);
    const fnKey = `${frame.functionName}@${where}:${frame.lineNumber}`;
    const fn = functions.get(fnKey) ?? { name: frame.functionName || '(anonymous)', where: `${where}:${frame.lineNumber + 1}`, ms: 0 };
    fn.ms += ms;
    functions.set(fnKey, fn);
    const file = files.get(where) ?? { name: where, where, ms: 0 };
    file.ms += ms;
    files.set(where, file);
  }
  const sorted = (m: Map<string, SelfTime>) => [...m.values()].sort((a, b) => b.ms - a.ms);
  return { functions: sorted(functions), files: sorted(files), totalMs };
}

/** `node_modules/dockerfile-ast/lib/x.js` → `dockerfile-ast/lib/x.js`; our sources relative to the repository. */
function shortLocation(url: string): string {
  if (!url) return '(native or GC)';
  const file = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
  const modules = file.lastIndexOf('node_modules/');
  if (modules >= 0) return file.slice(modules + 'node_modules/'.length);
  return path.relative(process.cwd(), file) || file;
}

export function saveProfile(profileData: CpuProfile, file: string): void {
  fs.writeFileSync(file, JSON.stringify(profileData));
}
