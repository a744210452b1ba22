import type { InstructionInfo, Stage } from '../model-types';
import { defineRule } from '../rule';
import { invocationsNamed, operands } from './support/commands';
import { instructionArguments } from './support/instruction-args';
import { normalizePath } from './support/paths';
import { nearestBefore } from './support/stage-history';

const CHMOD = ['chmod'];
/** Top-level folders where any user may write by design. */
const SCRATCH_DIRS = new Set(['/tmp', '/var/tmp', '/dev', '/dev/shm', '/proc', '/sys', '/run']);
/** System trees: any folder in them is broad. */
const SYSTEM_TREES = ['/usr', '/etc', '/bin', '/sbin', '/lib', '/lib64', '/boot', '/root'];
/** Web roots and other well-known application trees. */
const APPLICATION_ROOTS = new Set(['/var/www', '/var/www/html', '/usr/share/nginx/html', '/var/lib', '/opt', '/srv', '/home']);

export default defineRule({
  id: 'chmod-world-writable',
  code: 'LW211',
  aliases: {},
  category: 'security',
  severity: 'warning',
  appliesTo: 'shipped-stages',
  docs: {
    summary: '`chmod 777` (or `o+w`, `a+rwx`) on a broad path such as /, /app, /usr or the WORKDIR.',
    rationale: [
      'A world-writable application or system folder lets any process in the container, whatever its user,',
      'replace the code or the binaries that the application (or root) runs next: a foothold becomes a',
      'takeover. It is usually a shortcut for "the app user cannot write here". Give that user ownership of',
      'what it must write (`COPY --chown=app:app`, `chown -R app /app/data`) and keep modes at 755/644.',
    ].join('\n'),
    examples: {
      invalid: ['FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN chmod -R 777 /app\nUSER node\n'],
      valid: [
        'FROM node:20-slim\nWORKDIR /app\nCOPY --chown=node:node . .\nUSER node\n',
        'FROM node:20-slim\nWORKDIR /app\nRUN mkdir -p /app/uploads && chmod 777 /app/uploads\nUSER node\n',
      ],
    },
    differences: 'hadolint and BuildKit have no such check. `/tmp`-like folders and modes with the sticky bit (`1777`) are not reported; specific subfolders (`/app/uploads`) are not either.',
  },
  fix: {
    availability: 'never',
    safety: 'unsafe',
    reason: 'The right owner and mode depend on which user must write where, which only the author knows.',
  },
  create(context) {
    return {
      RUN(run, stage) {
        if (run.onbuild || !stage.shipsLayers || !run.script) return;
        // The script's index of programs: most RUNs call no chmod.
        for (const chmod of invocationsNamed(run.script, CHMOD)) {
          const [mode, ...paths] = operands(chmod);
          if (!mode || mode.hasExpansion || !isWorldWritableMode(mode.value)) continue;
          const workdir = workdirAt(stage, run);
          const broad = paths.find((path) => !path.hasExpansion && isBroadPath(path.value, workdir));
          if (!broad) continue;
          context.report({
            range: mode.range,
            message: `chmod ${mode.value} makes ${broad.value} writable by every user in the container: give the app user ownership of what it writes (COPY --chown, chown) and keep 755/644`,
          });
        }
      },
    };
  },
});

/** Others may write: octal with the write bit in the last digit (no sticky bit), or a symbolic `o+w`/`a+rwx`/`o=rw`. */
function isWorldWritableMode(mode: string): boolean {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const sticky = mode.length === 4 && (Number(mode[0]) & 1) === 1;
    return !sticky && (Number(mode[mode.length - 1]) & 2) === 2;
  }
  return mode.split(',').some((clause) => {
    const parsed = /^([ugoa]*)([+=])([rwxXst]*)$/.exec(clause);
    return parsed !== null && /[oa]/.test(parsed[1]) && parsed[3].includes('w') && !parsed[3].includes('t');
  });
}

function isBroadPath(path: string, workdir: string | null): boolean {
  const trimmed = path.replace(/^\.\/?$|^\.\/\*$|^\*$/, '.');
  if (trimmed === '.') return workdir !== null;
  if (!path.startsWith('/')) return false;
  const normalized = normalizePath(path);
  if (/[*?[]/.test(normalized) || SCRATCH_DIRS.has(normalized)) return false;
  if (normalized === workdir) return true;
  if (normalized.split('/').length <= 2) return true;
  return APPLICATION_ROOTS.has(normalized) || SYSTEM_TREES.some((tree) => normalized === tree || normalized.startsWith(`${tree}/`));
}

/** The absolute WORKDIR in effect at `instruction`, or null when none is set or it is not known. */
function workdirAt(stage: Stage, instruction: InstructionInfo): string | null {
  const last = nearestBefore(stage, instruction, 'WORKDIR');
  if (last === null) return null;
  const path = instructionArguments(last)[0]?.value ?? '';
  return path.startsWith('/') && !path.includes('$') ? normalizePath(path) : null;
}
