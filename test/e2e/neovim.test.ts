// The README's Neovim recipe, as written, in Debian's Neovim (0.7 on Debian 12) run headless: diagnostics with
// rule codes and https rule pages on a Dockerfile and a compose file, and "Show rule documentation" opening the page.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { codeBlock } from '../support/readme';
import { tempDir } from '../support/temp-dir';
import { ensureNeovim, REPO_ROOT } from './setup';

const SERVER = path.join(REPO_ROOT, 'dist', 'server.js');

/** Opens each file, waits for its diagnostics, asks for a rule page, and writes what it saw as JSON. */
const DRIVER = `
local out, opened = ...
local results = { version = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor), files = {} }
for _, file in ipairs({ 'Dockerfile', 'compose.yaml' }) do
  vim.cmd('edit ' .. file)
  local buf = vim.api.nvim_get_current_buf()
  vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(found, { code = d.code or lsp.code, source = d.source, href = (lsp.codeDescription or {}).href or '' })
  end
  results.files[file] = { filetype = vim.bo[buf].filetype, diagnostics = found }
end
vim.lsp.buf.execute_command({ command = 'dockguard.showRuleDocumentation', arguments = { 'root-user' } })
vim.wait(20000, function() return vim.fn.filereadable(opened) == 1 end, 50)
results.opened = vim.fn.filereadable(opened) == 1 and vim.fn.readfile(opened)[1] or ''
vim.fn.writefile({ vim.fn.json_encode(results) }, out)
vim.cmd('qa!')
`;

interface Seen {
  version: string;
  files: Record<string, { filetype: string; diagnostics: { code: string; source: string; href: string }[] }>;
  opened: string;
}

describe("Neovim: the README's recipe", { timeout: 10 * 60_000 }, () => {
  let seen: Seen;

  before(async () => {
    await ensureNeovim();
    const dir = tempDir('dockguard-nvim');
    const project = path.join(dir, 'project');
    mkdirSync(project);
    writeFileSync(path.join(project, 'Dockerfile'), 'FROM alpine:3.23\nCMD ["sh"]\n');
    writeFileSync(path.join(project, 'compose.yaml'), 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n');
    // What the desktop opener would get: the recipe opens pages with xdg-open (0.7) or vim.ui.open (0.10+).
    const bin = path.join(dir, 'bin');
    mkdirSync(bin);
    const opened = path.join(dir, 'opened.txt');
    writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$1" > '${opened}'\n`);
    chmodSync(path.join(bin, 'xdg-open'), 0o755);

    const recipe = codeBlock('lua', 'dockguard').replace('/path/to/dockguard/dist/server.js', SERVER);
    assert.ok(recipe.includes(SERVER), 'the recipe names the server to replace');
    writeFileSync(path.join(dir, 'init.lua'), recipe);
    writeFileSync(path.join(dir, 'driver.lua'), DRIVER);
    const out = path.join(dir, 'out.json');
    const xdg = Object.fromEntries(['CONFIG', 'DATA', 'STATE', 'CACHE'].map((k) => [`XDG_${k}_HOME`, path.join(dir, k.toLowerCase())]));
    const nvim = spawnSync(
      'nvim',
      ['--headless', '-n', '-i', 'NONE', '-u', path.join(dir, 'init.lua'), '-c', `lua loadfile('${path.join(dir, 'driver.lua')}')('${out}', '${opened}')`],
      { cwd: project, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...xdg, PATH: `${bin}${path.delimiter}${process.env.PATH}` } },
    );
    assert.equal(nvim.status, 0, `nvim: ${nvim.stderr}\n${nvim.stdout}`);
    seen = JSON.parse(readFileSync(out, 'utf8')) as Seen;
  });

  it('publishes Dockerfile findings with their codes and https rule pages', () => {
    const dockerfile = seen.files.Dockerfile;
    assert.equal(dockerfile.filetype, 'dockerfile');
    const rootUser = dockerfile.diagnostics.find((d) => d.code === 'DG101');
    assert.ok(rootUser, JSON.stringify(seen));
    assert.equal(rootUser.source, 'dockguard');
    assert.equal(rootUser.href, 'https://github.com/dockguard/dockguard/blob/main/docs/rules/root-user.md');
  });

  it('attaches to compose files under the filetype stock Neovim gives them', () => {
    const compose = seen.files['compose.yaml'];
    // Stock Neovim has no compose filetype (plain yaml); the recipe also covers yaml.docker-compose set by configs.
    assert.ok(['yaml', 'yaml.docker-compose'].includes(compose.filetype), compose.filetype);
    assert.ok(
      compose.diagnostics.some((d) => d.code === 'DG201'),
      JSON.stringify(compose),
    );
  });

  it('opens the rule page "Show rule documentation" asks for', () => {
    assert.equal(seen.opened, 'https://github.com/dockguard/dockguard/blob/main/docs/rules/root-user.md', `Neovim ${seen.version}`);
  });
});
