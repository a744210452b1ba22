import { defineRule } from '../rule';
import { exposedPorts } from './support/correctness-expose';

export default defineRule({
  id: 'expose-host-mapping',
  code: 'LW316',
  aliases: { buildkit: 'ExposeInvalidFormat' },
  category: 'correctness',
  severity: 'warning',
  appliesTo: 'all-stages',
  docs: {
    summary: 'EXPOSE with an IP address or a host port (`8080:80`): an image cannot choose host ports.',
    rationale: [
      'EXPOSE documents the ports the container listens on. Which host port (and address) they are published',
      'on is decided at `docker run -p` time; Docker ignores the host part of `EXPOSE 8080:80` and exposes',
      'only 80, so the line promises something it does not do. BuildKit will make this an error.',
    ].join('\n'),
    examples: {
      invalid: ['FROM alpine:3.20\nEXPOSE 127.0.0.1:80:80\n', 'FROM alpine:3.20\nEXPOSE 8080:80\n'],
      valid: ['FROM alpine:3.20\nEXPOSE 80\n', 'FROM alpine:3.20\nARG PORT\nEXPOSE ${PORT:-80}\n'],
    },
  },
  fix: {
    availability: 'always',
    safety: 'unsafe',
    reason: 'Unsafe: the fix keeps the container port, which is what Docker exposes today, but the author may have meant the other number.',
  },
  create(context) {
    return {
      EXPOSE(expose) {
        for (const port of exposedPorts(expose)) {
          if (port.mapping === null) continue;
          const kept = port.word.value.slice(port.mapping.length);
          context.report({
            range: port.word.range,
            message: `EXPOSE cannot map host ports: write EXPOSE ${kept} and publish with \`docker run -p ${port.word.value}\``,
            fixes: [{ title: `Keep the container port ${kept}`, safety: 'unsafe', edits: [{ range: port.word.range, newText: kept }] }],
          });
        }
      },
    };
  },
});
