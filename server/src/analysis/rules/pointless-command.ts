import { defineRule } from '../rule';
import { callsAny, invocationOf } from './support/commands';

/** Commands that do nothing useful in a non-interactive build step without an init system, and why. */
const POINTLESS: ReadonlyMap<string, string> = new Map(Object.entries({
  vim: 'nobody can use an editor during a build: edit files with sed, COPY or a heredoc',
  nano: 'nobody can use an editor during a build: edit files with sed, COPY or a heredoc',
  ssh: 'a build cannot answer host-key or password prompts: use RUN --mount=type=ssh with git or scp, or COPY',
  shutdown: 'a build container has no init system to shut down',
  service: 'a service started in a RUN stops when the RUN ends, and containers have no init system: start it from CMD/ENTRYPOINT',
  ps: 'it only lists the processes of this build step',
  top: 'it only shows the processes of this build step (and waits for a terminal)',
  free: 'it only shows the memory of this build step',
  kill: 'processes started in a RUN end with it; there is nothing else to kill',
  mount: 'a build step has no privileges to mount: use RUN --mount',
  ifconfig: 'it only shows the network of this build step',
}));
const POINTLESS_PROGRAMS: readonly string[] = [...POINTLESS.keys()];

export default defineRule({
  id: 'pointless-command',
  code: 'LW324',
  aliases: { hadolint: 'DL3001' },
  category: 'correctness',
  severity: 'info',
  appliesTo: 'all-stages',
  docs: {
    summary: 'A RUN calls a command that makes no sense in a build (vim, ssh, service, shutdown, ps, top, kill, mount…).',
    rationale: [
      'Each RUN is a fresh, non-interactive process without an init system, and only its files are kept.',
      'Editors and ssh wait for input that never comes, `service … start` starts something that dies with the',
      'step, and ps, top, free or ifconfig describe a throwaway container. Such lines are usually left over',
      'from an interactive session.',
    ].join('\n'),
    examples: {
      invalid: ['FROM debian:12-slim\nRUN service nginx start\n'],
      valid: ['FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends vim && rm -rf /var/lib/apt/lists/*\n'],
    },
    differences: '`ssh` is not reported when the RUN mounts the SSH agent (`--mount=type=ssh`), where it is the intended way to reach a host.',
  },
  fix: { availability: 'never', safety: 'suggestion', reason: 'What should replace the command depends on what it was for.' },
  create(context) {
    return {
      RUN(run) {
        // Cheap test first: most RUNs call none of these.
        if (!run.script || run.script.form === 'exec' || !callsAny(run.script, POINTLESS_PROGRAMS)) return;
        const sshMounted = run.flags.some((flag) => flag.name === 'mount' && flag.options.type === 'ssh');
        for (const command of run.script.commands) {
          const invocation = invocationOf(command);
          const reason = invocation ? POINTLESS.get(invocation.name) : undefined;
          if (!invocation || !reason || (invocation.name === 'ssh' && sshMounted)) continue;
          context.report({ range: invocation.program.range, message: `\`${invocation.name}\` has no use in a Docker build: ${reason}` });
        }
      },
    };
  },
});
