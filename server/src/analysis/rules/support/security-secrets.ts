// Does an ARG/ENV name or value hold a secret? Names follow BuildKit's SecretsUsedInArgOrEnv tokens, minus the
// names that only point at a secret (`PASSWORD_FILE`, `TOKEN_ENDPOINT`) or name a public one (`PUBLIC_KEY`,
// `GPG_KEY` fingerprints). Values are matched against credential formats that cannot be anything else.

/** BuildKit's tokens, plus the common short forms `pass` and `pwd`. */
const SECRET_TOKENS = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'pword', 'passwd', 'secret', 'token', 'pass', 'pwd']);

/** Tokens after the secret word that make the name about the secret, not the secret itself. */
const QUALIFIERS = new Set([
  'file', 'files', 'path', 'dir', 'directory', 'url', 'uri', 'endpoint', 'host', 'hostname', 'server', 'servers', 'port',
  'id', 'name', 'type', 'method', 'mode', 'length', 'len', 'size', 'ttl', 'lifetime', 'expiry', 'expires', 'expiration',
  'timeout', 'header', 'algorithm', 'alg', 'enabled', 'enable', 'disabled', 'required', 'env', 'var', 'field', 'prefix',
  'version', 'format', 'location', 'hint', 'policy', 'provider', 'issuer', 'scope', 'scopes', 'audience', 'realm',
  'user', 'username', 'login', 'email', 'fingerprint', 'fpr', 'sock', 'socket', 'dummy', 'placeholder', 'cache',
]);

/** Tokens that make the whole name about something public. */
const PUBLIC_TOKENS = new Set(['public', 'pub', 'gpg', 'pgp', 'gnupg']);
/** …unless the name also says private. */
const PRIVATE_TOKENS = new Set(['private', 'secret', 'passphrase']);

/** Names that match the tokens but are well-known switches, not secrets. */
const KNOWN_NOT_SECRETS = new Set(['pwd', 'oldpwd', 'apt_key_dont_warn_on_dangerous_usage']);

function tokensOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[_.-]+/)
    .filter(Boolean);
}

/**
 * Every secret token contains one of these: a name without any of them (most names) has no secret token.
 * Tokens are pieces of the lower-cased name, so testing the lower-cased name is enough.
 */
const SECRET_TOKEN_PARTS = /key|auth|credential|pass|pword|secret|token|pwd/;

/** The secret word of a name such as `DB_PASSWORD` or `npmToken`; null when the name does not hold a secret. */
export function secretWordInName(name: string): string | null {
  const lower = name.toLowerCase();
  if (KNOWN_NOT_SECRETS.has(lower) || !SECRET_TOKEN_PARTS.test(lower)) return null;
  const tokens = tokensOf(name);
  if (tokens.some((token) => PUBLIC_TOKENS.has(token)) && !tokens.some((token) => PRIVATE_TOKENS.has(token))) return null;
  let last = -1;
  tokens.forEach((token, index) => {
    if (SECRET_TOKENS.has(token)) last = index;
  });
  if (last === -1) return null;
  if (tokens.slice(last + 1).some((token) => QUALIFIERS.has(token))) return null;
  return tokens[last];
}

const FINGERPRINTS = /^\s*(0x)?([0-9A-Fa-f]{16}|[0-9A-Fa-f]{40})(\s+(0x)?([0-9A-Fa-f]{16}|[0-9A-Fa-f]{40}))*\s*$/;
const SWITCH_VALUE = /^(true|false|yes|no|on|off|0|1)$/i;

/**
 * True when a value given to a secret-named variable shows it is not a secret: key fingerprints (official images
 * set `GPG_KEY` to one), a switch (`AUTH=false`), or a path under /run/secrets.
 */
export function valueIsNotSecret(value: string): boolean {
  const trimmed = value.trim();
  return FINGERPRINTS.test(trimmed) || SWITCH_VALUE.test(trimmed) || trimmed.startsWith('/run/secrets/');
}

const CREDENTIAL_FORMATS: ReadonlyArray<{ kind: string; pattern: RegExp }> = [
  { kind: 'an AWS access key id', pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { kind: 'a GitHub token', pattern: /\b(gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,})\b/ },
  { kind: 'a GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/ },
  { kind: 'an npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { kind: 'a Slack token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  { kind: 'a Stripe live key', pattern: /\b[rs]k_live_[A-Za-z0-9]{20,}/ },
  { kind: 'a private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
];

/** `scheme://user:password@host` with a literal password (a `$VAR` password is not judged). */
const URL_WITH_PASSWORD = /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:([^/\s@]+)@/i;

/**
 * `Password=` / `Pwd=` as a key of a connection string: `key=value;` pairs (ADO.NET, ODBC, JDBC for SQL
 * Server), or a query parameter of a URL (`jdbc:mysql://db/app?user=app&password=…`).
 */
const CONNECTION_STRING_PASSWORD = /(?:^|;)\s*(?:password|pwd)\s*=([^;]*)/gi;
const QUERY_PASSWORD = /[?&](?:password|pwd)=([^&#\s]*)/gi;

/** A placeholder or a variable rather than a password: `$DB_PASSWORD`, `${PW}`, `<password>`, `{0}`, `***`, `%PW%`. */
function isLiteralPassword(raw: string): boolean {
  const value = raw.trim().replace(/^(['"])(.*)\1$/, '$2');
  if (value === '' || value.includes('$')) return false;
  return !/^(<[^>]*>|\{[^}]*\}|%[^%]*%|\*+|x+)$/i.test(value);
}

/** True when the value is a connection string (or a URL) with a literal password in it. */
function hasConnectionStringPassword(value: string): boolean {
  const keyed = value.includes(';') ? [...value.matchAll(CONNECTION_STRING_PASSWORD)] : [];
  const query = value.includes('://') ? [...value.matchAll(QUERY_PASSWORD)] : [];
  return [...keyed, ...query].some((match) => isLiteralPassword(match[1]));
}

/**
 * Text that every credential format above needs (a URL's `://`, a connection string's `;`): one scan
 * rules out most values before the formats are tried one by one.
 */
const CREDENTIAL_PARTS = /AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|npm_|xox|k_live_|-----BEGIN|:\/\/|;/;

/** What kind of credential the value contains, or null. */
export function credentialInValue(value: string): string | null {
  if (!CREDENTIAL_PARTS.test(value)) return null;
  for (const { kind, pattern } of CREDENTIAL_FORMATS) if (pattern.test(value)) return kind;
  const url = URL_WITH_PASSWORD.exec(value);
  if (url && !url[1].startsWith('$') && !/^\*+$/.test(url[1])) return 'a URL with a password';
  if (hasConnectionStringPassword(value)) return 'a connection string with a password';
  return null;
}
