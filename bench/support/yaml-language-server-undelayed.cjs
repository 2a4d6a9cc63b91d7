/* global require, process */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS launcher */
// yaml-language-server as it ships, but validating at once: it waits 200 ms after each change before it
// validates (SettingsState.validationDelayMs, no setting changes it), which would make every keystroke look
// 200 ms slower than its work. The benchmark compares work, so the wait is set to 0 before the server starts.
const settings = require('yaml-language-server/out/server/src/yamlSettings');
const Original = settings.SettingsState;
settings.SettingsState = class extends Original {
  constructor() {
    super();
    this.validationDelayMs = 0;
  }
};
process.env.YAML_LANGUAGE_SERVER_VERSION = require('yaml-language-server/package.json').version;
require('yaml-language-server/out/server/src/server.js');
