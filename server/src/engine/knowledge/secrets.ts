/**
 * Heuristics for hard-coded secrets, shared by the Dockerfile and compose rules.
 *
 * Two signals: a value shaped like a well-known credential (reported whatever the variable is called), and a
 * variable name that says it holds a secret with a literal value. The name heuristic stays silent on the usual
 * false positives: names that describe a secret rather than hold it (`PASSWORD_FILE`, `TOKEN_URL`, `KEY_ID`),
 * public keys, switches (`ALLOW_EMPTY_PASSWORD=yes`), and values that only reference another variable.
 *
 * Every pattern has a literal prefix and bounded repetition, so scanning a long line stays linear.
 */

export interface SecretMatch {
  reason: 'name' | 'value';
  /** e.g. "GitHub token", or the name pattern */
  what: string;
}

export interface CredentialHit {
  start: number;
  end: number;
  what: string;
}

const CREDENTIAL_PATTERNS: { what: string; pattern: RegExp }[] = [
  { what: 'AWS access key id', pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g },
  { what: 'GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g },
  { what: 'GitHub token', pattern: /\bgithub_pat_[A-Za-z0-9_]{22,255}/g },
  { what: 'GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,255}/g },
  { what: 'Slack token', pattern: /\bxox[abeoprs]-[A-Za-z0-9-]{10,255}/g },
  { what: 'Slack app token', pattern: /\bxapp-\d-[A-Z0-9]{8,32}-\d{8,20}-[a-z0-9]{32,80}/g },
  { what: 'Slack webhook', pattern: /(?:https:\/\/)?hooks\.slack\.com\/services\/T[A-Z0-9]{6,20}\/B[A-Z0-9]{6,20}\/[A-Za-z0-9]{16,64}/g },
  { what: 'Stripe secret key', pattern: /\b[rs]k_live_[A-Za-z0-9]{16,255}/g },
  { what: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}/g },
  { what: 'npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { what: 'PyPI token', pattern: /\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000}/g },
  { what: 'Docker Hub token', pattern: /\bdckr_pat_[A-Za-z0-9_-]{27,100}/g },
  { what: 'Hugging Face token', pattern: /\bhf_[A-Za-z0-9]{34,40}\b/g },
  { what: 'OpenAI API key', pattern: /\bsk-[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}/g },
  { what: 'Anthropic API key', pattern: /\bsk-ant-[a-z]{3,10}\d{2}-[A-Za-z0-9_-]{80,200}/g },
  { what: 'SendGrid API key', pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/g },
  { what: 'HashiCorp Vault token', pattern: /\bhvs\.[A-Za-z0-9_-]{24,200}/g },
  { what: 'Shopify token', pattern: /\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b/g },
  { what: 'Azure storage account key', pattern: /AccountKey=[A-Za-z0-9+/]{80,100}={0,2}/g },
  { what: 'JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{10,4000}\.[A-Za-z0-9_-]{10,2000}/g },
  { what: 'Mailchimp API key', pattern: /\b[0-9a-f]{32}-us\d{1,2}\b/g },
  { what: 'Square token', pattern: /\bsq0(?:atp-[0-9A-Za-z_-]{22}|csp-[0-9A-Za-z_-]{43})\b/g },
  { what: 'Amazon MWS token', pattern: /\bamzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g },
  { what: 'Braintree token', pattern: /access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32}/g },
  { what: 'Databricks token', pattern: /\bdapi[a-f0-9]{32}(?:-\d)?\b/g },
  { what: 'Postman API key', pattern: /\bPMAK-[a-f0-9]{24}-[a-f0-9]{34}\b/g },
  { what: 'Sentry token', pattern: /\bsntry(?:u_[a-f0-9]{64}\b|s_eyJ[A-Za-z0-9+/=_]{50,2000})/g },
  { what: 'New Relic key', pattern: /\bNR(?:AK-[A-Z0-9]{27}|II-[A-Za-z0-9-]{32})\b/g },
  { what: 'Grafana token', pattern: /\bgl(?:sa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}\b|c_[A-Za-z0-9+/]{32,400}={0,3})/g },
  { what: 'DigitalOcean token', pattern: /\bdo[opr]_v1_[a-f0-9]{64}\b/g },
  { what: 'Atlassian API token', pattern: /\bATATT3[A-Za-z0-9_=-]{186}/g },
  { what: 'Heroku API key', pattern: /\bHRKU-AA[0-9A-Za-z_-]{58}\b/g },
  { what: 'HashiCorp Vault token', pattern: /\bhv[br]\.[A-Za-z0-9_-]{90,300}/g },
  { what: 'Terraform Cloud token', pattern: /\b[a-z0-9]{14}\.atlasv1\.[a-z0-9_=-]{60,70}/g },
  { what: 'GitLab token', pattern: /\bgl(?:dt|rt|ft|soat|cbt)-[0-9A-Za-z_-]{20,64}|\bglptt-[0-9a-f]{40}\b/g },
  { what: 'Artifactory API key', pattern: /\bAKCp[A-Za-z0-9]{69}\b/g },
  { what: 'Docker Hub token', pattern: /\bdckr_oat_[A-Za-z0-9_-]{20,100}/g },
  { what: 'Facebook access token', pattern: /\bEAA[CM][A-Za-z0-9]{100,1000}/g },
  { what: 'Google OAuth secret', pattern: /\bGOCSPX-[A-Za-z0-9_-]{28}\b|\bya29\.[0-9A-Za-z_-]{20,2000}/g },
  { what: 'PyPI token', pattern: /\bpypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{50,1000}/g },
  { what: 'Alibaba Cloud access key id', pattern: /\bLTAI[A-Za-z0-9]{20}\b/g },
  { what: 'Dynatrace token', pattern: /\bdt0c01\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{64}\b/g },
  { what: 'Doppler token', pattern: /\bdp\.pt\.[A-Za-z0-9]{43}\b/g },
  { what: 'Pulumi token', pattern: /\bpul-[a-f0-9]{40}\b/g },
  { what: 'RubyGems API key', pattern: /\brubygems_[a-f0-9]{48}\b/g },
  { what: 'Linear API key', pattern: /\blin_api_[A-Za-z0-9]{40}\b/g },
  { what: 'Notion token', pattern: /\bntn_\d{11}[A-Za-z0-9]{35}\b/g },
  { what: 'PlanetScale token', pattern: /\bpscale_(?:tkn|oauth|pw)_[A-Za-z0-9_=.-]{32,64}/g },
  { what: 'Brevo API key', pattern: /\bxkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}\b/g },
  { what: '1Password service account token', pattern: /\bops_eyJ[A-Za-z0-9+/]{250,4000}={0,3}/g },
  { what: 'age secret key', pattern: /AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}/g },
  { what: 'PuTTY private key', pattern: /PuTTY-User-Key-File-[23]:/g },
  {
    what: 'Microsoft Teams webhook',
    pattern: /\.webhook\.office\.com\/webhookb2\/[0-9a-f-]{36}@[0-9a-f-]{36}\/IncomingWebhook\/[A-Za-z0-9]{32}\/[0-9a-f-]{36}/g,
  },
  { what: 'private key', pattern: /-----BEGIN (?:[A-Z0-9]{1,20} ){0,3}PRIVATE KEY(?: BLOCK)?-----/g },
];

/**
 * One pass that rules out most texts before the patterns run one by one: each pattern starts with one of these.
 * URLs are common in RUN lines, so the URL search has its own check: it also needs an `@`.
 */
const MAY_HOLD_TOKEN =
  /AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|xox[abeoprs]-|xapp-|hooks\.slack|k_live_|AIza|npm_|pypi-|dckr_|hf_|sk-|SG\.|hv[sbr]\.|shp|AccountKey=|eyJ|PRIVATE KEY|-us\d|sq0|amzn\.mws|\$production\$|dapi|PMAK-|sntry|NRAK-|NRII-|gl[sc][a_]|do[opr]_v1_|ATATT3|HRKU-|atlasv1|gl(?:dt|rt|ft|soat|cbt|ptt)-|AKCp|EAA[CM]|GOCSPX-|ya29\.|LTAI|dt0c01|dp\.pt\.|pul-|rubygems_|lin_api_|ntn_|pscale_|xkeysib-|ops_eyJ|AGE-SECRET|PuTTY-User|webhook\.office/;

/** Every credential-shaped substring of a text, in order, without overlaps: token shapes and passwords in URLs. */
export function findCredentials(text: string): CredentialHit[] {
  const tokens = findTokenCredentials(text);
  const urls = findUrlCredentials(text);
  if (!urls.length) return tokens;
  if (!tokens.length) return urls;
  return withoutOverlaps([...tokens, ...urls]);
}

/** The credential-shaped tokens of a text (keys, tokens, private keys), without the passwords in URLs. */
export function findTokenCredentials(text: string): CredentialHit[] {
  if (!MAY_HOLD_TOKEN.test(text)) return [];
  const hits: CredentialHit[] = [];
  for (const { what, pattern } of CREDENTIAL_PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) hits.push({ start: m.index, end: m.index + m[0].length, what });
  }
  return hits.length > 1 ? withoutOverlaps(hits) : hits;
}

export const URL_PASSWORD = 'password in a URL';
export const URL_TOKEN = 'token in a URL';

/**
 * The literal secrets written into URLs: `scheme://user:password@host` (the password), and a bare token as the
 * user (`https://<token>@github.com`, which GitHub and others accept). A secret that is a variable reference,
 * a placeholder or empty is not one.
 */
export function findUrlCredentials(text: string): CredentialHit[] {
  if (!text.includes('@') || !text.includes('://')) return [];
  const hits: CredentialHit[] = [];
  URL_USERINFO.lastIndex = 0;
  for (let m = URL_USERINFO.exec(text); m; m = URL_USERINFO.exec(text)) {
    const userinfo = m[1];
    const userinfoStart = m.index + m[0].length - 1 - userinfo.length;
    const colon = userinfo.indexOf(':');
    if (colon < 0) {
      if (looksLikeBareToken(userinfo)) hits.push({ start: userinfoStart, end: userinfoStart + userinfo.length, what: URL_TOKEN });
      continue;
    }
    const user = userinfo.slice(0, colon);
    const password = userinfo.slice(colon + 1);
    // GitHub's `https://<token>:x-oauth-basic@github.com` puts the secret in the user part.
    const inUser = password === 'x-oauth-basic';
    const secret = inUser ? user : password;
    if (!secret || secret.includes('$') || isPlaceholder(secret)) continue;
    const start = inUser ? userinfoStart : userinfoStart + colon + 1;
    hits.push({ start, end: start + secret.length, what: inUser ? URL_TOKEN : URL_PASSWORD });
  }
  return hits;
}

/** `scheme://userinfo@`: the user information of a URL (no `/`, `@` or whitespace; a `:` splits user and password). */
const URL_USERINFO = /\b[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/([^\s@/'"]{1,384})@/g;

/** A user part that can only be a token: long, letters and digits mixed, no variable, no e-mail or user-name look. */
function looksLikeBareToken(user: string): boolean {
  return user.length >= 20 && user.length <= 255 && /^[A-Za-z0-9_-]+$/.test(user) && /[0-9]/.test(user) && /[A-Za-z]/.test(user);
}

function withoutOverlaps(hits: CredentialHit[]): CredentialHit[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const result: CredentialHit[] = [];
  for (const hit of hits) if (!result.length || hit.start >= result[result.length - 1].end) result.push(hit);
  return result;
}

// ---- names ----

const PASSWORD_TOKENS = new Set(['PASSWORD', 'PASSWORDS', 'PASSWD', 'PASSPHRASE']);
const SECRET_TOKENS = new Set(['SECRET', 'SECRETS']);
const TOKEN_TOKENS = new Set(['TOKEN', 'TOKENS']);
const CREDENTIAL_TOKENS = new Set(['CREDENTIAL', 'CREDENTIALS', 'CREDS']);
/** `<qualifier>_KEY` names that hold key material; `GPG_KEY`, `CACHE_KEY`, `PUBLIC_KEY` do not. */
const KEY_QUALIFIERS = new Map<string, string>([
  ['API', 'API key'],
  ['PRIVATE', 'private key'],
  ['ACCESS', 'access key'],
  ['SECRET', 'secret key'],
  ['ENCRYPTION', 'encryption key'],
  ['ENCRYPT', 'encryption key'],
  ['CRYPTO', 'encryption key'],
  ['CIPHER', 'encryption key'],
  ['SIGNING', 'signing key'],
  ['SIGN', 'signing key'],
  ['HMAC', 'signing key'],
  ['JWT', 'signing key'],
  ['MASTER', 'master key'],
  ['AUTH', 'auth key'],
  ['SESSION', 'session key'],
  ['CLIENT', 'client key'],
  ['APP', 'application key'],
  ['LICENSE', 'license key'],
  ['DEPLOY', 'deploy key'],
  ['SERVICE', 'service key'],
  ['ACCOUNT', 'account key'],
  ['STORAGE', 'storage key'],
  ['SHARED', 'shared key'],
  ['ADMIN', 'admin key'],
  ['WEBHOOK', 'webhook key'],
  ['SECURITY', 'security key'],
]);
const COMPOUND_KEYS = new Map<string, string>([
  ['APIKEY', 'API key'],
  ['ACCESSKEY', 'access key'],
  ['SECRETKEY', 'secret key'],
  ['PRIVATEKEY', 'private key'],
  ['AUTHKEY', 'auth key'],
  ['APPKEY', 'application key'],
  ['MASTERKEY', 'master key'],
  ['ENCRYPTIONKEY', 'encryption key'],
  ['SIGNINGKEY', 'signing key'],
  ['LICENSEKEY', 'license key'],
]);
/** `MYAPIKEY`, `STRIPESECRETKEY`: a compound key word at the end of a name written without separators. */
const COMPOUND_KEY_END = new RegExp(`(?:${[...COMPOUND_KEYS.keys()].join('|')})$`);
/** Words after the secret word that make the name describe a secret rather than hold it. */
const DESCRIPTORS = new Set([
  'FILE',
  'FILES',
  'PATH',
  'DIR',
  'DIRECTORY',
  'LOCATION',
  'URL',
  'URI',
  'ENDPOINT',
  'HOST',
  'HOSTNAME',
  'PORT',
  'NAME',
  'ID',
  'IDS',
  'ARN',
  'REF',
  'VERSION',
  'VER',
  'USER',
  'USERNAME',
  'LENGTH',
  'LEN',
  'MIN',
  'MAX',
  'SIZE',
  'COUNT',
  'TTL',
  'EXPIRY',
  'EXPIRES',
  'EXPIRATION',
  'TIMEOUT',
  'LIFETIME',
  'AGE',
  'DURATION',
  'TYPE',
  'MODE',
  'FORMAT',
  'ALGORITHM',
  'ALGO',
  'ALG',
  'HEADER',
  'PREFIX',
  'SUFFIX',
  'POLICY',
  'ENABLED',
  'DISABLED',
  'ENABLE',
  'DISABLE',
  'REQUIRED',
  'FIELD',
  'PARAM',
  'STORE',
  'BACKEND',
  'PROVIDER',
  'MANAGER',
  'REGION',
  'NAMESPACE',
  'SCOPE',
  'SCOPES',
  'ISSUER',
  'AUDIENCE',
  'HASH',
  'COMMAND',
  'CMD',
  'HINT',
]);
/** Names that announce a public value: `NEXT_PUBLIC_*`, `PUBLIC_KEY`, Stripe's publishable key. */
const PUBLIC_TOKENS = new Set(['PUBLIC', 'PUBLISHABLE', 'PUB']);

/** `dbPassword`, `DB_PASSWORD`, `db.password` → ['DB', 'PASSWORD']. */
function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

function secretWordAt(tokens: string[], i: number): string | undefined {
  const token = tokens[i];
  const last = i === tokens.length - 1;
  if (PASSWORD_TOKENS.has(token) || token.endsWith('PASSWORD') || token.endsWith('PASSWD')) return token.startsWith('PASSPHRASE') ? 'passphrase' : 'password';
  if (token.endsWith('PASSPHRASE')) return 'passphrase';
  // `DB_PASS`, `MYSQL_PWD`; but not `PWD` itself (the working directory) nor `PASS_THROUGH`.
  if ((token === 'PASS' || token === 'PWD') && last && i > 0) return 'password';
  if (SECRET_TOKENS.has(token) || token.endsWith('SECRET')) return 'secret';
  if (TOKEN_TOKENS.has(token) || (token.endsWith('TOKEN') && token.length > 5)) return 'token';
  if (CREDENTIAL_TOKENS.has(token) || token.endsWith('CREDENTIALS')) return 'credentials';
  const compound = COMPOUND_KEYS.get(token) ?? COMPOUND_KEYS.get(COMPOUND_KEY_END.exec(token)?.[0] ?? '');
  if (compound) return compound;
  if (token === 'KEY' && i > 0) return KEY_QUALIFIERS.get(tokens[i - 1]);
  return undefined;
}

interface NameMatch {
  what: string;
  /** The secret word ends the name (`DB_PASSWORD`), rather than qualifying something (`PASSWORD_ROUNDS`). */
  last: boolean;
}

/** Every secret word (PASSWORD, PASSWD, PASSPHRASE, PASS, PWD, SECRET, TOKEN, CREDENTIALS, CREDS, KEY) holds one of these. */
const MAY_NAME_SECRET = /pass|pwd|secret|token|cred|key/i;

export function secretName(name: string): NameMatch | undefined {
  if (!MAY_NAME_SECRET.test(name)) return undefined; // most names: no need to split them into words
  const tokens = nameTokens(name);
  if (tokens.some((t) => PUBLIC_TOKENS.has(t))) return undefined;
  // The rightmost secret word decides: `AWS_SECRET_ACCESS_KEY` is an access key, `SECRET_NAME` names one.
  for (let i = tokens.length - 1; i >= 0; i--) {
    const what = secretWordAt(tokens, i);
    if (!what) continue;
    if (tokens.slice(i + 1).some((t) => DESCRIPTORS.has(t))) return undefined;
    return { what, last: i === tokens.length - 1 };
  }
  return undefined;
}

// ---- values ----

const SWITCH = /^(?:true|false|yes|no|on|off|y|n|enabled?|disabled?|none|null|nil|undefined|required|optional|random|empty|auto)$/i;
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
// A default holding a `$` is no literal anyway: stopping at it keeps the search linear (with `[^}]*`, every `${`
// of an unclosed `${A:-${A:-…` read the rest of the value again).
const REFERENCE = /\$\{[A-Za-z_][A-Za-z0-9_]*(?:(:?[-+?=])([^}$]*))?\}|\$[A-Za-z_][A-Za-z0-9_]*/g;

function isPlaceholder(value: string): boolean {
  return /^(?:<[^<>]*>|\*+|[xX]+|\.{3}|\?+)$/.test(value);
}

/**
 * The value's literal part: undefined when it is made of variable references only (`${TOKEN}`, `$A$B`), or when
 * it mixes references with text (`Bearer ${TOKEN}`); a reference's literal default (`${PW:-changeme}`) counts.
 */
function literalPart(value: string): string | undefined {
  if (!value.includes('$')) return value;
  let defaults = '';
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(value); m; m = REFERENCE.exec(value)) {
    const [op, word] = [m[1], m[2]];
    if (op && (op.endsWith('-') || op.endsWith('=')) && word) defaults += word;
  }
  return defaults || undefined;
}

/** Decides whether NAME=value hard-codes a secret; undefined when it does not. */
export function classifySecret(name: string, value: string | undefined): SecretMatch | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  const credential = findCredentials(trimmed)[0];
  if (credential) return { reason: 'value', what: credential.what };

  const match = secretName(name);
  if (!match) return undefined;
  const literal = literalPart(trimmed);
  if (!literal || isPlaceholder(literal) || SWITCH.test(literal)) return undefined;
  // A number under a plural (`OPENAI_MAX_TOKENS=4096`, `THREAD_TOKENS=30`) counts tokens of a language model.
  if (NUMBER.test(literal) && /TOKENS$/i.test(name)) return undefined;
  // `PASSWORD_ROUNDS=10` or `REQUIRE_PASSWORD=1` is a setting; `DB_PASSWORD=12345678` is a password.
  if (NUMBER.test(literal) && (!match.last || literal.replace(/^[+-]/, '').length <= 1)) return undefined;
  // A file path points at the secret (`GOOGLE_APPLICATION_CREDENTIALS=/secrets/gcp.json`); it is not the secret.
  if (/^(?:\/|\.{1,2}\/|~\/|[A-Za-z]:\\)\S*$/.test(literal)) return undefined;
  return { reason: 'name', what: match.what };
}
