import { Add, Copy, Env, Workdir, type Instruction } from 'dockerfile-ast';
import type { DockerfileModel, Stage } from '../../documents/dockerfile';
import { textReading } from '../../documents/ast-memo';
import { propertiesOf } from '../../documents/dockerfile-properties';
import { transferArgs } from '../../knowledge/copy-add';
import { classifySensitivePath } from '../../knowledge/sensitive-files';
import { defineDockerfileRule, type Report } from '../../rule';

/** Variables that name the file a tool reads its credentials from, and what that file holds. */
const CREDENTIAL_FILE_VARIABLES = new Map<string, string>([
  ['GOOGLE_APPLICATION_CREDENTIALS', 'a Google Cloud service-account key'],
  ['AWS_SHARED_CREDENTIALS_FILE', 'AWS access keys'],
  ['AWS_CONFIG_FILE', 'the AWS configuration, with credentials'],
]);

export default defineDockerfileRule({
  meta: {
    id: 'sensitive-file-copied',
    code: 'DG106',
    severity: 'error',
    category: 'secrets',
    title: 'Credential file copied into the image',
    description:
      'A private key, `.env` file or credentials file copied with COPY or ADD stays readable in its image layer by anyone who can pull the image, even if a later step deletes it.',
    references: { cis: '4.10', trivy: ['DS031'] },
    messages: {
      sensitiveFile:
        '{{source}} is {{what}}: {{keyword}} bakes it into an image layer anyone with the image can read; mount it only for the step that needs it (RUN --mount=type=secret or --mount=type=ssh) and list it in .dockerignore.',
      credentialDestination:
        '{{source}} is copied to ${{variable}}, the file that holds {{what}}: {{keyword}} bakes it into an image layer anyone with the image can read; mount it as a secret for the step or container that needs it instead.',
      credentialFileInImage:
        '{{variable}} points at {{path}}, which a COPY or ADD above puts in the image: whoever has the image can read {{what}} there; mount the file as a secret when the container starts instead.',
    },
    fixable: false,
    hasSuggestions: false,
  },
  checkInstruction({ instruction, lines, report }) {
    const args = transferArgs(instruction, lines);
    if (!args) return;
    // `COPY ./config $AWS_CONFIG_FILE`: whatever the source is called, it becomes the credentials file.
    const variable = args.destination && /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(args.destination.value)?.[1];
    const destinationWhat = variable ? CREDENTIAL_FILE_VARIABLES.get(variable) : undefined;
    for (const source of args.sources) {
      const what = classifySensitivePath(source.value);
      if (what) {
        report({ range: source.range, messageId: 'sensitiveFile', data: { source: source.value, what, keyword: args.keyword } });
      } else if (variable && destinationWhat) {
        report({
          range: source.range,
          messageId: 'credentialDestination',
          data: { source: source.value, variable, what: destinationWhat, keyword: args.keyword },
        });
      }
    }
  },
  check({ model, report }) {
    // Only a stage with an ENV naming a credentials file can have a finding: the few such ENVs are found through
    // what each ENV names (kept with it), rather than by walking every instruction of every stage on each keystroke.
    let checked: Stage | undefined;
    for (const { instruction, stage, onbuild } of model.entriesOf('ENV')) {
      if (onbuild || !stage || stage === checked || !textReading(instruction, NAMES_CREDENTIAL_FILE, namesCredentialFile)) continue;
      checked = stage;
      checkStage(model, stage.instructions, report);
    }
  },
});

/**
 * `COPY . .` then `ENV GOOGLE_APPLICATION_CREDENTIALS=./key.json`: the key file came in with the copy, whatever its
 * name. Paths are resolved against WORKDIR; a copy's destination covers the path below it. ONBUILD triggers, copies
 * from other stages or images, and values only known at build time are left alone.
 */
function checkStage(
  model: DockerfileModel,
  instructions: DockerfileModel['stages'][number]['instructions'],
  report: (r: Report<'credentialFileInImage'>) => void,
): void {
  let workdir: string | undefined = '/';
  const copied: string[] = [];
  for (const instruction of instructions) {
    if (instruction instanceof Workdir) {
      const path = instruction.getArgumentsContent()?.trim();
      workdir = path && !path.includes('$') ? resolvePath(workdir, path) : undefined;
    } else if (instruction instanceof Copy || instruction instanceof Add) {
      const args = transferArgs(instruction, model.lines);
      const destination = args?.destination?.value;
      if (!args || !destination || args.flags.some((flag) => flag.getName() === 'from') || destination.includes('$')) continue;
      const resolved = resolvePath(workdir, destination);
      if (resolved !== undefined) copied.push(resolved);
    } else if (instruction instanceof Env && copied.length > 0) {
      for (const property of propertiesOf(instruction)) {
        const name = property.getName();
        const what = CREDENTIAL_FILE_VARIABLES.get(name);
        const value = property.getValue();
        const range = property.getValueRange();
        if (!what || !value || value.includes('$') || !range) continue;
        const path = resolvePath(workdir, value);
        if (path === undefined || !copied.some((destination) => covers(destination, path))) continue;
        report({ range, messageId: 'credentialFileInImage', data: { variable: name, path: value, what } });
      }
    }
  }
}

const NAMES_CREDENTIAL_FILE = Symbol('sensitive-file-copied: an ENV sets a variable naming a credentials file');

function namesCredentialFile(instruction: Instruction): boolean {
  return propertiesOf(instruction as Env).some((property) => CREDENTIAL_FILE_VARIABLES.has(property.getName()));
}

/** An absolute, normalised path; undefined when a relative path meets an unknown working directory. */
function resolvePath(base: string | undefined, path: string): string | undefined {
  const full = path.startsWith('/') ? path : base === undefined ? undefined : `${base}/${path}`;
  if (full === undefined) return undefined;
  const parts: string[] = [];
  for (const part of full.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

function covers(destination: string, path: string): boolean {
  return path === destination || path.startsWith(destination === '/' ? '/' : `${destination}/`);
}
