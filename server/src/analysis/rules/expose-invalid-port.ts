import { defineRule } from '../rule';
import { exposedPorts, invalidPortReason } from './support/correctness-expose';

export default defineRule({
  id: 'expose-invalid-port',
  code: 'LW315',
  aliases: { hadolint: 'DL3011' },
  category: 'correctness',
  severity: 'error',
  appliesTo: 'all-stages',
  docs: {
    summary: 'EXPOSE with a port outside 0-65535, a range that ends before it starts, or a word that is not a port.',
    rationale: [
      'Ports are 16-bit numbers. Docker rejects `EXPOSE 80000`, `EXPOSE http` or `EXPOSE 80/http` when it',
      'builds the image, so the mistake costs a failed build at best; a typo such as `EXPOSE 8o80` is easy',
      'to miss in review.',
    ].join('\n'),
    examples: {
      invalid: ['FROM nginx:1.27\nEXPOSE 80000\n', 'FROM nginx:1.27\nEXPOSE http\n'],
      valid: ['FROM nginx:1.27\nEXPOSE 80 443/tcp 8000-8010/udp\n', 'FROM nginx:1.27\nARG PORT=8080\nEXPOSE $PORT\n'],
    },
    differences: 'Also reports words that are not ports and unknown protocols, which Docker rejects as well; hadolint checks only the number range.',
  },
  fix: { availability: 'never', safety: 'suggestion', reason: 'Only the author knows which port was meant.' },
  create(context) {
    return {
      EXPOSE(expose) {
        for (const port of exposedPorts(expose)) {
          const reason = invalidPortReason(port);
          if (reason) context.report({ range: port.word.range, message: `Invalid EXPOSE port: ${reason}` });
        }
      },
    };
  },
});
