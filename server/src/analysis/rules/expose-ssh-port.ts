import { defineRule } from '../rule';
import { exposedPorts } from './support/correctness-expose';

const SSH_PORT = 22;

export default defineRule({
  id: 'expose-ssh-port',
  code: 'LW210',
  aliases: { trivy: 'AVD-DS-0004', checkov: 'CKV_DOCKER_1' },
  category: 'security',
  severity: 'warning',
  appliesTo: 'shipped-stages',
  docs: {
    summary: 'The image exposes port 22 (SSH).',
    rationale: [
      'An SSH server in a container is one more service to patch, one more set of credentials to leak, and a',
      'second way in beside the one the container is for. Containers are entered with `docker exec` or',
      '`kubectl exec`, which need no daemon and no keys in the image. Run sshd elsewhere if you need it.',
    ].join('\n'),
    examples: {
      invalid: ['FROM debian:12-slim\nEXPOSE 22\n'],
      valid: ['FROM debian:12-slim\nEXPOSE 8080\n', 'FROM debian:12-slim\nEXPOSE 22/udp\n'],
    },
    differences: 'Like Trivy and Checkov, except that only stages whose settings reach the shipped image are judged, and a range such as `20-25` is reported when it includes 22.',
  },
  fix: {
    availability: 'never',
    safety: 'unsafe',
    reason: 'EXPOSE only documents the port: what has to go is the SSH server in the image, which only the author can remove.',
  },
  create(context) {
    return {
      EXPOSE(expose, stage) {
        if (expose.onbuild || !stage.shipsLayers) return;
        for (const port of exposedPorts(expose)) {
          if (port.portHasVariable || port.protocolHasVariable) continue;
          if (port.protocol !== null && port.protocol.toLowerCase() !== 'tcp') continue;
          const range = /^(\d+)(?:-(\d+))?$/.exec(port.port);
          if (!range) continue;
          const start = Number(range[1]);
          const end = range[2] === undefined ? start : Number(range[2]);
          if (start > SSH_PORT || end < SSH_PORT) continue;
          context.report({
            range: port.word.range,
            message: 'port 22 is SSH: do not run an SSH server in the container; use `docker exec` or `kubectl exec` to get a shell',
          });
        }
      },
    };
  },
});
