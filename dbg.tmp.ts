import { analyze, resolveConfig, dockerfileRules } from './server/src/engine';
import { parseDockerfile } from './server/src/engine/documents/dockerfile';
const t = 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\n';
const m = parseDockerfile(t);
for (const s of m.shellSources) console.log(s.heredoc, s.offset, JSON.stringify(s.text), JSON.stringify(t.slice(s.offset, s.offset + s.text.length)));
const rule = dockerfileRules.filter((r) => r.meta.id === 'package-cache-kept');
console.log(JSON.stringify(analyze(t, { kind: 'dockerfile', rules: rule, config: resolveConfig({ profile: 'strict' }) }).map((f) => f.fixes), null, 0));
