import type { Stage } from '../model-types';
import { defineRule } from '../rule';
import { instructionArguments } from './support/instruction-args';
import type { InstallCall } from './support/pinning-command-line';
import { optionValue } from './support/pinning-command-line';
import { code, isLocalPath, isUrl, pinningVisitor, type PinningCheck } from './support/pinning-rules';
import { PIP_INSTALL } from './support/pinning-syntaxes';

/** PEP 440 comparison operators: `==`, `~=`, `>=`, `!=`… any of them makes the requirement a choice, not "latest". */
const VERSION_SPECIFIER = /(===|==|~=|!=|<=|>=|<|>)/;
const ARCHIVE = /\.(whl|tar\.gz|tgz|tar\.bz2|tar\.xz|zip)$/i;
const VCS = /^(git|hg|svn|bzr)\+/i;

/** What the rule judges: the same for every analysis, so built once. */
const CHECK: PinningCheck = {
  syntax: PIP_INSTALL,
  skipCall: (call, _run, stage) => pinnedByOptions(call) || constraintsFromEnvironment(call, stage),
  judge(word) {
    const value = word.value;
    if (VCS.test(value)) return hasVcsRevision(value) ? null : `Pin ${code(value)} to a tag or commit (${code(`${value}@<tag>`)}): unpinned, each build installs the branch head`;
    if (VERSION_SPECIFIER.test(value) || isUrl(value) || value.includes('@') || isLocalPath(value)) return null;
    if (value.includes('/') || ARCHIVE.test(value)) return null;
    return `Pin ${code(value)} to a version (${code(`${value}==<version>`)}, or a requirements file): unpinned, each build installs the newest release`;
  },
};

export default defineRule({
  id: 'pip-package-unpinned',
  code: 'LW405',
  aliases: { hadolint: 'DL3013' },
  category: 'reproducibility',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: '`pip install` of a named package without a version (`flask==<version>`).',
    rationale: [
      'Without a version, `pip install flask` installs the newest release on the day of the build, and so does',
      'every dependency it pulls in: a new major version can break the image without any change to the',
      'repository. Pin the version (`flask==3.0.3`), or better, install from a requirements or lock file with',
      'every version pinned (`pip install -r requirements.txt`, or `-c constraints.txt`).',
      '',
      '`pip install --upgrade pip` is reported too: new pip releases have changed how packages resolve and',
      'build (legacy `setup.py install` removal, stricter version parsing), which is what a pin protects from.',
    ].join('\n'),
    examples: {
      invalid: ['FROM python:3.12-slim\nRUN pip install --no-cache-dir gunicorn==22.0.0 flask\n'],
      valid: [
        'FROM python:3.12-slim\nRUN pip install --no-cache-dir gunicorn==22.0.0 "flask>=3.0,<3.1"\n',
        'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n',
        'FROM python:3.12-slim\nCOPY dist/ /tmp/dist/\nRUN pip install --no-cache-dir /tmp/dist/app-1.0-py3-none-any.whl\n',
      ],
    },
    differences: [
      'Like hadolint: any version specifier is accepted, and requirement files (`-r`), constraints (`-c`), local',
      'paths and archives, VCS URLs with a revision (`git+https://…@v1.2`) and the values of options such as',
      '`--index-url` are not reported; `pip install --upgrade pip` is. Also accepted: `--no-index` installs (only',
      'local wheels, whose versions the Dockerfile controls), `--require-hashes`, a `PIP_CONSTRAINT` set in the',
      'stage or on the command, packages whose name or version comes from a variable, and `python -m pip`',
      'is read like `pip`. A VCS URL without a revision is reported.',
    ].join(' '),
  },
  fix: {
    availability: 'never',
    safety: 'suggestion',
    reason: 'Which version you want cannot be guessed: pin the one you test with (`pip freeze` shows it).',
  },
  create(context) {
    return pinningVisitor(context, CHECK);
  },
});

/** Requirement and constraint files (whose pins we cannot see, so trust), hashes, or local wheels only. */
function pinnedByOptions(call: InstallCall): boolean {
  return (
    optionValue(call, '-r', '--requirement', '-c', '--constraint', '--require-hashes', '--no-index') !== null
  );
}

/** `PIP_CONSTRAINT=…` on the command or in an ENV of the stage (or a stage it is built on). */
function constraintsFromEnvironment(call: InstallCall, stage: Stage): boolean {
  if (call.invocation.command.assignments.some((word) => word.value.startsWith('PIP_CONSTRAINT='))) return true;
  for (let current: Stage | null = stage; current; current = current.baseStage) {
    const envs = current.instructions.filter((instruction) => instruction.keyword === 'ENV');
    if (envs.some((env) => instructionArguments(env).some((argument) => /^PIP_CONSTRAINT(=|$)/.test(argument.value)))) return true;
  }
  return false;
}

/** `git+https://github.com/org/repo@v1.2#egg=x`: a `@revision` after the host (not a `user@` login). */
function hasVcsRevision(value: string): boolean {
  const withoutScheme = value.replace(/^[a-z+]+:\/\//i, '');
  const slash = withoutScheme.indexOf('/');
  const path = slash === -1 ? '' : withoutScheme.slice(slash);
  return /@[^/#]+/.test(path.split('#')[0]);
}
