import { defineRule } from '../rule';
import type { ShellWord } from '../shell-types';
import { formatBytes } from '../size/format';
import { findCalls } from './support/commands';

const USERADD = { programs: ['useradd'] };

/** hadolint's threshold: a UID of six digits or more. */
const HIGH_UID = 100000;
/** Bytes per UID in /var/log/lastlog (struct lastlog on 64-bit Linux); the file is sparse on disk, not in a layer. */
const LASTLOG_ENTRY_BYTES = 292;

export default defineRule({
  id: 'useradd-without-no-log-init',
  code: 'LW126',
  aliases: { hadolint: 'DL3046' },
  category: 'size',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: '`useradd` with a high UID and without `-l` / `--no-log-init` writes a huge lastlog into the layer.',
    rationale: [
      '`useradd` records the new user in `/var/log/lastlog` and `/var/log/faillog`, files indexed by UID. On a',
      'host they are sparse, but image layers do not keep holes: a UID of 100000 writes about 29 MB of zeros,',
      'and the UIDs OpenShift hands out (1000000000 and up) write hundreds of gigabytes and fill the builder\'s',
      'disk. `-l` (`--no-log-init`) skips those files; nothing in a container reads them. Judged in every stage,',
      'because the cost hits the build itself.',
    ].join('\n'),
    examples: {
      invalid: ['FROM debian:bookworm-slim\nRUN useradd -u 123456 app\nUSER app\n'],
      valid: ['FROM debian:bookworm-slim\nRUN useradd -l -u 123456 app\nUSER app\n', 'FROM debian:bookworm-slim\nRUN useradd -u 10001 app\nUSER app\n'],
    },
  },
  fix: { availability: 'always', safety: 'safe' },
  create(context) {
    return {
      RUN(run) {
        if (!run.script) return;
        for (const call of findCalls(run.script, USERADD)) {
          if (call.args.some(isNoLogInit)) continue;
          const uid = uidOf(call.args);
          if (uid === null || uid < HIGH_UID) continue;
          const end = call.program.range.end;
          context.report({
            range: call.program.range,
            message: `\`useradd\` with UID ${uid} writes ~${formatBytes(uid * LASTLOG_ENTRY_BYTES)} of lastlog into the layer: add \`-l\` (\`--no-log-init\`)`,
            fixes: [{ title: 'Add -l', safety: 'safe', edits: [{ range: { start: end, end }, newText: ' -l' }] }],
          });
        }
      },
    };
  },
});

/** `-l`, `--no-log-init`, or `-l` bundled with other short options that take no value (`-lm`, `-rl`). */
function isNoLogInit(word: ShellWord): boolean {
  const value = word.value;
  if (value === '--no-log-init') return true;
  return /^-[a-zA-Z]+$/.test(value) && value.includes('l') && !/[ugdcsGKkpeEfZbR]/.test(value.slice(1, value.indexOf('l')));
}

/** The literal UID of `-u N`, `-uN`, `--uid N`, `--uid=N`; null when absent or not a literal number. */
function uidOf(args: readonly ShellWord[]): number | null {
  for (let index = 0; index < args.length; index++) {
    const value = args[index].value;
    let uid: string | undefined;
    if (value === '-u' || value === '--uid') uid = args[index + 1]?.value;
    else if (value.startsWith('--uid=')) uid = value.slice('--uid='.length);
    else if (/^-u\d+$/.test(value)) uid = value.slice(2);
    if (uid !== undefined) return /^\d+$/.test(uid) ? Number(uid) : null;
  }
  return null;
}
