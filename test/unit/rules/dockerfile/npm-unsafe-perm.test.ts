import rule from '../../../../server/src/engine/rules/dockerfile/npm-unsafe-perm';
import { testRule } from '../../../support/rule-tester';

const F = 'FROM node:22-slim\n';

testRule(rule, {
  valid: [
    { code: F + 'RUN npm ci --ignore-scripts\n' },
    { name: 'switched off', code: F + 'RUN npm ci --unsafe-perm=false && npm install --unsafe-perm false\nENV NPM_CONFIG_UNSAFE_PERM=false\n' },
    { name: 'ARG without a default', code: F + 'ARG NPM_CONFIG_UNSAFE_PERM\n' },
    { name: 'in a message', code: F + 'RUN echo "do not use --unsafe-perm"\n' },
  ],
  invalid: [
    {
      name: 'the flag, removed by the suggestion',
      code: F + 'RUN npm install -g --unsafe-perm node-red@4.0.2\n',
      findings: [
        {
          line: 2,
          column: 20,
          endColumn: 33,
          messageId: 'unsafePerm',
          data: { what: '--unsafe-perm' },
          suggestions: [{ title: /Remove --unsafe-perm/, output: F + 'RUN npm install -g node-red@4.0.2\n' }],
        },
      ],
    },
    {
      name: '=true at the end of a continued line',
      code: F + 'RUN npm ci --unsafe-perm=true\\\n && npm run build\n',
      findings: [{ line: 2, column: 12, messageId: 'unsafePerm', suggestions: [{ output: F + 'RUN npm ci\\\n && npm run build\n' }] }],
    },
    {
      name: 'npm config set, ENV, exported',
      code: F + 'RUN npm config set unsafe-perm true\nENV NPM_CONFIG_UNSAFE_PERM=true\nRUN export npm_config_unsafe_perm=1 && npm ci\n',
      findings: [
        { line: 2, column: 20, messageId: 'unsafePerm', data: { what: 'npm config unsafe-perm' } },
        { line: 3, column: 5, messageId: 'unsafePerm' },
        { line: 4, column: 12, messageId: 'unsafePerm' },
      ],
    },
    {
      name: 'exec form without a suggestion, heredoc, ONBUILD',
      code: F + 'RUN ["npm", "ci", "--unsafe-perm"]\nRUN <<EOF\nnpm ci --unsafe-perm\nEOF\nONBUILD RUN npm ci --unsafe-perm\n',
      findings: [
        { line: 2, column: 20, messageId: 'unsafePerm' },
        {
          line: 4,
          column: 8,
          messageId: 'unsafePerm',
          suggestions: [{ output: F + 'RUN ["npm", "ci", "--unsafe-perm"]\nRUN <<EOF\nnpm ci\nEOF\nONBUILD RUN npm ci --unsafe-perm\n' }],
        },
        {
          line: 6,
          column: 20,
          messageId: 'unsafePerm',
          suggestions: [{ output: F + 'RUN ["npm", "ci", "--unsafe-perm"]\nRUN <<EOF\nnpm ci --unsafe-perm\nEOF\nONBUILD RUN npm ci\n' }],
        },
      ],
    },
  ],
});
