import rule from '../../../../server/src/engine/rules/dockerfile/pip-extra-index-url';
import { testRule } from '../../../support/rule-tester';

const F = 'FROM python:3.12-slim\n';

testRule(rule, {
  valid: [
    { code: F + 'RUN pip install --no-cache-dir --index-url https://pypi.corp/simple flask==3.0.0\n' },
    { name: 'ARG without a value sets nothing', code: F + 'ARG PIP_EXTRA_INDEX_URL\nRUN pip install flask==3.0.0\n' },
    { name: 'an empty value', code: F + 'ENV PIP_EXTRA_INDEX_URL=""\n' },
    { name: 'the words in a message', code: F + 'RUN echo "never use --extra-index-url" && true\n' },
    { name: 'the index url options only', code: F + 'RUN pip config set global.index-url https://pypi.corp/simple\n' },
  ],
  invalid: [
    {
      name: 'the option is the finding',
      code: F + 'RUN pip install --extra-index-url https://pkgs.example.com/simple internal-lib==1.0\n',
      findings: [{ line: 2, column: 17, endColumn: 34, messageId: 'pip', data: { what: 'pip --extra-index-url' } }],
    },
    {
      name: '-i with an extra index, =, python -m pip, continuation with a comment',
      code: F + 'RUN python3 -m pip install -i https://a/simple \\\n# private packages\n    --extra-index-url=https://b/simple x==1\n',
      findings: [{ line: 4, column: 5, messageId: 'pip' }],
    },
    {
      name: 'ENV, ARG default, exported, prefixed',
      code:
        F +
        'ENV PIP_EXTRA_INDEX_URL=https://b/simple\nARG PIP_EXTRA_INDEX_URL=https://c/simple\nRUN export PIP_EXTRA_INDEX_URL=https://d/simple && PIP_EXTRA_INDEX_URL=https://e pip install x==1\n',
      findings: [
        { line: 2, column: 5, messageId: 'pip', data: { what: 'PIP_EXTRA_INDEX_URL' } },
        { line: 3, column: 5, messageId: 'pip' },
        { line: 4, column: 12, messageId: 'pip' },
        { line: 4, column: 52, messageId: 'pip' },
      ],
    },
    {
      name: 'pip config set and pip.conf',
      code: F + 'RUN pip config set global.extra-index-url https://b/simple\nRUN printf "[global]\\nextra-index-url = https://b/simple\\n" > /etc/pip.conf\n',
      findings: [
        { line: 2, column: 20, messageId: 'pip', data: { what: 'pip config global.extra-index-url' } },
        { line: 3, column: 12, messageId: 'pip' },
      ],
    },
    {
      name: 'uv is info; exec form; heredoc; ONBUILD',
      code:
        F +
        'ENV UV_EXTRA_INDEX_URL=https://b/simple\nRUN ["uv", "pip", "install", "--extra-index-url", "https://b", "x"]\nRUN <<EOF\npip3 install --extra-index-url https://b x\nEOF\nONBUILD RUN pip install --extra-index-url https://b x\n',
      findings: [
        { line: 2, column: 5, messageId: 'uv' },
        { line: 3, column: 31, messageId: 'uv' },
        { line: 5, column: 14, messageId: 'pip' },
        { line: 7, column: 25, messageId: 'pip' },
      ],
    },
  ],
});
