// Commands and variables that turn off TLS certificate checks or package signature checks, found as words
// with ranges so a rule can point at the flag and, where dropping it is the whole change, remove it.
import { Arg, Env, type Property } from 'dockerfile-ast';
import type { DockerfileModel, InstructionInfo } from '../../model-types';
import type { Range, TextEdit } from '../../rule';
import type { ShellCommand, ShellWord } from '../../shell-types';
import { baseName, invocationOf, type Invocation } from './commands';
import { effectiveNode } from './instruction-args';
import { deleteWordsEdit } from './security-edits';

export interface DisabledCheck {
  range: Range;
  /** What was written, for the message: `curl -k`, `NODE_TLS_REJECT_UNAUTHORIZED=0`. */
  what: string;
  /** The edit that removes it, when removing it is the whole change. */
  removal: TextEdit | null;
}

type Detector = (model: DockerfileModel, invocation: Invocation) => DisabledCheck[];

function found(model: DockerfileModel, what: string, first: ShellWord, last: ShellWord | null = null, removable = true): DisabledCheck {
  const range = { start: first.range.start, end: (last ?? first).range.end };
  return { range, what, removal: removable ? deleteWordsEdit(model, first.range, (last ?? first).range) : null };
}

/** curl short options that take a value: letters after one of these in a cluster are its value. */
const CURL_SHORT_WITH_VALUE = new Set('AbcCdDeEFHKmoPQrtTuUwxXyYz'.split(''));

function curlInsecure(model: DockerfileModel, curl: Invocation): DisabledCheck[] {
  const result: DisabledCheck[] = [];
  for (const word of curl.args) {
    if (word.value === '--insecure' || word.value === '-k') {
      result.push(found(model, `curl ${word.value}`, word));
      continue;
    }
    if (!/^-[a-zA-Z]{2,}$/.test(word.value) || word.quoted) continue;
    const letters = word.value.slice(1).split('');
    const valueAt = letters.findIndex((letter) => CURL_SHORT_WITH_VALUE.has(letter));
    const kAt = letters.indexOf('k');
    if (kAt === -1 || (valueAt !== -1 && valueAt < kAt)) continue;
    const without = `-${letters.filter((_, index) => index !== kAt).join('')}`;
    result.push({ range: word.range, what: `curl ${word.value} (k: --insecure)`, removal: { range: word.range, newText: without } });
  }
  return result;
}

function wgetNoCheck(model: DockerfileModel, wget: Invocation): DisabledCheck[] {
  return wget.args.filter((word) => word.value === '--no-check-certificate').map((word) => found(model, 'wget --no-check-certificate', word));
}

/** Cheap test for isPip: only pip and python can run pip. */
function mayBePip(name: string): boolean {
  return name.startsWith('pip') || name.startsWith('python');
}

function isPip(invocation: Invocation): boolean {
  if (/^pip(\d+(\.\d+)?)?$/.test(invocation.name)) return true;
  const moduleAt = invocation.args.findIndex((word) => word.value === '-m');
  return /^python(\d+(\.\d+)?)?$/.test(invocation.name) && invocation.args[moduleAt + 1]?.value === 'pip';
}

function pipTrustedHost(model: DockerfileModel, pip: Invocation): DisabledCheck[] {
  if (!isPip(pip)) return [];
  const result: DisabledCheck[] = [];
  pip.args.forEach((word, index) => {
    if (word.value.startsWith('--trusted-host=')) result.push(found(model, 'pip --trusted-host', word));
    else if (word.value === '--trusted-host' && pip.args[index + 1]) result.push(found(model, 'pip --trusted-host', word, pip.args[index + 1]));
    else if (/(^|\.)trusted-host$/.test(word.value) && pip.args.some((other) => other.value === 'config')) result.push(found(model, 'pip config … trusted-host', word, null, false));
  });
  return result;
}

const FALSE_WORDS = /^(false|0|no|off)$/i;

/** `npm config set strict-ssl false`, `yarn config set enableStrictSsl false`, `--strict-ssl=false`. */
function strictSslOff(model: DockerfileModel, tool: Invocation): DisabledCheck[] {
  if (!NODE_PACKAGE_MANAGERS.has(tool.name)) return [];
  const result: DisabledCheck[] = [];
  tool.args.forEach((word, index) => {
    if (/^--strict-ssl=(false|0)$/i.test(word.value)) result.push(found(model, `${tool.name} ${word.value}`, word));
    const key = word.value.replace(/=.*$/, '');
    if (!/^(strict-ssl|enablestrictssl)$/i.test(key)) return;
    const value = word.value.includes('=') ? word.value.slice(word.value.indexOf('=') + 1) : tool.args[index + 1]?.value ?? '';
    if (FALSE_WORDS.test(value) && tool.args.some((other) => other.value === 'set')) result.push(found(model, `${tool.name} config set ${key} false`, word, null, false));
  });
  return result;
}

/** `git config http.sslVerify false`, `git -c http.sslVerify=false clone …`. */
function gitSslVerifyOff(model: DockerfileModel, git: Invocation): DisabledCheck[] {
  const result: DisabledCheck[] = [];
  git.args.forEach((word, index) => {
    const [key, inlineValue] = word.value.split('=', 2);
    if (!/^http\.(.*\.)?sslverify$/i.test(key)) return;
    const value = inlineValue ?? git.args[index + 1]?.value ?? '';
    if (!FALSE_WORDS.test(value)) return;
    const option = git.args[index - 1];
    if (inlineValue !== undefined && option?.value === '-c') result.push(found(model, `git -c ${word.value}`, option, word));
    else result.push(found(model, `git config ${key} false`, word, null, false));
  });
  return result;
}

const TLS_DETECTORS: ReadonlyMap<string, Detector> = new Map([
  ['curl', curlInsecure],
  ['wget', wgetNoCheck],
  ['git', gitSslVerifyOff],
]);

const NODE_PACKAGE_MANAGERS: ReadonlySet<string> = new Set(['npm', 'yarn', 'pnpm']);

/** Environment variables that turn TLS verification off, and the values that do it. */
const TLS_VARIABLES: ReadonlyMap<string, (value: string) => boolean> = new Map([
  ['NODE_TLS_REJECT_UNAUTHORIZED', (value: string) => value.trim() === '0'],
  // git disables verification when the variable is set at all, whatever its value.
  ['GIT_SSL_NO_VERIFY', () => true],
  ['PYTHONHTTPSVERIFY', (value: string) => value.trim() === '0'],
  ['PIP_TRUSTED_HOST', (value: string) => value.trim() !== ''],
]);

/** A `NAME=value` word that sets one of TLS_VARIABLES to a value that turns verification off. */
function tlsAssignment(model: DockerfileModel, word: ShellWord, removable: boolean): DisabledCheck | null {
  // Every TLS variable name is a valid shell name, so the name is what precedes the first `=`.
  const equals = word.value.indexOf('=');
  if (equals <= 0) return null;
  const name = word.value.slice(0, equals);
  const disables = TLS_VARIABLES.get(name);
  if (!disables) return null;
  const value = word.value.slice(equals + 1);
  return disables(value) ? found(model, `${name}=${value}`, word, null, removable) : null;
}

/** `NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci`, `env GIT_SSL_NO_VERIFY=1 git clone`, `export PYTHONHTTPSVERIFY=0`. */
function tlsAssignments(model: DockerfileModel, command: ShellCommand, result: DisabledCheck[]): void {
  const program = command.program ? baseName(command.program.value) : '';
  // A command without a program (a bare `VAR=x`) sets shell variables, not the environment of a tool.
  if (program === '') return;
  for (const word of command.assignments) pushFound(result, tlsAssignment(model, word, true));
  if (program !== 'env' && program !== 'export') return;
  for (const word of command.args) pushFound(result, tlsAssignment(model, word, program === 'env'));
}

function pushFound(result: DisabledCheck[], check: DisabledCheck | null): void {
  if (check) result.push(check);
}

function propertiesOf(instruction: InstructionInfo): Property[] {
  const node = effectiveNode(instruction);
  if (node instanceof Env) return node.getProperties();
  if (node instanceof Arg) return [node.getProperty()].filter((property): property is Property => property !== null);
  return [];
}

/** ENV/ARG that turn TLS verification off for every later step (ARG values are in the environment of RUN). */
function tlsVariables(instruction: InstructionInfo): DisabledCheck[] {
  const result: DisabledCheck[] = [];
  for (const property of propertiesOf(instruction)) {
    const disables = TLS_VARIABLES.get(property.getName());
    const value = property.getValue();
    if (!disables || value === null || !disables(value)) continue;
    result.push({ range: property.getRange(), what: `${instruction.keyword} ${property.getName()}=${value}`, removal: null });
  }
  return result;
}

/** Windows images call curl.exe and wget.exe: the invocation under the name without `.exe`. */
function withoutExeSuffix(invocation: Invocation): Invocation {
  const { name } = invocation;
  // Cheap test first: almost no program name has a dot four characters from its end.
  if (name.charAt(name.length - 4) !== '.') return invocation;
  const stripped = name.replace(/\.exe$/i, '');
  return stripped === name ? invocation : { ...invocation, name: stripped };
}

/** Everything in the instruction that turns TLS certificate verification off. */
export function disabledTlsChecks(model: DockerfileModel, instruction: InstructionInfo): DisabledCheck[] {
  if (instruction.keyword === 'ENV' || instruction.keyword === 'ARG') return tlsVariables(instruction);
  const result: DisabledCheck[] = [];
  for (const command of instruction.script?.commands ?? []) {
    const called = invocationOf(command);
    if (called) {
      // Name tests first: most commands are none of these tools.
      const invocation = withoutExeSuffix(called);
      const detector = TLS_DETECTORS.get(invocation.name);
      if (detector) result.push(...detector(model, invocation));
      if (mayBePip(invocation.name)) result.push(...pipTrustedHost(model, invocation));
      if (NODE_PACKAGE_MANAGERS.has(invocation.name)) result.push(...strictSslOff(model, invocation));
    }
    tlsAssignments(model, command, result);
  }
  return result;
}

const APT_PROGRAMS = new Set(['apt-get', 'apt', 'aptitude']);
const APT_UNSAFE_FLAGS = new Set(['--allow-unauthenticated', '--allow-insecure-repositories', '--force-yes']);
const APT_UNSAFE_OPTIONS = /^(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|Acquire::AllowDowngradeToInsecureRepositories)=(true|1|yes)$/i;
const RPM_PROGRAMS = new Set(['yum', 'dnf', 'microdnf', 'tdnf']);

/** Every program signatureFlags knows a flag of. */
const SIGNATURE_PROGRAMS: ReadonlySet<string> = new Set([...APT_PROGRAMS, 'apk', ...RPM_PROGRAMS, 'rpm']);

function signatureFlags(model: DockerfileModel, tool: Invocation): DisabledCheck[] {
  const result: DisabledCheck[] = [];
  const apt = APT_PROGRAMS.has(tool.name);
  const rpmFamily = RPM_PROGRAMS.has(tool.name);
  tool.args.forEach((word, index) => {
    if (apt && APT_UNSAFE_FLAGS.has(word.value)) result.push(found(model, `${tool.name} ${word.value}`, word));
    // The option's word first: a regex per argument of every apt-get call adds up.
    if (apt && tool.args[index - 1]?.value === '-o' && APT_UNSAFE_OPTIONS.test(word.value)) result.push(found(model, `${tool.name} -o ${word.value}`, tool.args[index - 1], word));
    if (tool.name === 'apk' && word.value === '--allow-untrusted') result.push(found(model, 'apk --allow-untrusted', word));
    if (rpmFamily && (word.value === '--nogpgcheck' || /^--setopt=(\S+\.)?gpgcheck=(0|false|no)$/i.test(word.value))) result.push(found(model, `${tool.name} ${word.value}`, word));
    if (tool.name === 'rpm' && word.value === '--nosignature') result.push(found(model, 'rpm --nosignature', word));
  });
  return result;
}

const TRUSTED_YES = 'trusted=yes';

/** `deb [trusted=yes] http://…` written into an apt source list by a RUN. */
function trustedAptSources(command: ShellCommand, result: DisabledCheck[]): void {
  for (const word of command.args) {
    const at = word.raw.indexOf(TRUSTED_YES);
    if (at === -1 || !/\bdeb(-src)?\b/.test(word.value) || word.range.start.line !== word.range.end.line) continue;
    const start = { line: word.range.start.line, character: word.range.start.character + at };
    result.push({ range: { start, end: { line: start.line, character: start.character + TRUSTED_YES.length } }, what: 'an apt source with [trusted=yes]', removal: null });
  }
}

/** Everything in the RUN that turns package signature checks off. */
export function disabledSignatureChecks(model: DockerfileModel, instruction: InstructionInfo): DisabledCheck[] {
  const result: DisabledCheck[] = [];
  for (const command of instruction.script?.commands ?? []) {
    const invocation = invocationOf(command);
    // Cheap test first: most commands are no package manager.
    if (invocation && SIGNATURE_PROGRAMS.has(invocation.name)) result.push(...signatureFlags(model, invocation));
    trustedAptSources(command, result);
  }
  return result;
}
