import { defineRule } from '../rule';
import { exposedPorts, PROTOCOLS } from './support/correctness-expose';

export default defineRule({
  id: 'expose-protocol-casing',
  code: 'LW317',
  aliases: { buildkit: 'ExposeProtoCasing' },
  category: 'style',
  severity: 'info',
  appliesTo: 'all-stages',
  docs: {
    summary: 'EXPOSE protocol not in lower case (`80/TCP`).',
    rationale: [
      'Docker lower-cases the protocol, so `80/TCP` works, but tools that read the Dockerfile or compare',
      'port specs as text treat it as a different port. Lower case is the documented spelling.',
    ].join('\n'),
    examples: {
      invalid: ['FROM alpine:3.20\nEXPOSE 80/TcP\n'],
      valid: ['FROM alpine:3.20\nEXPOSE 80/tcp\n'],
    },
  },
  fix: { availability: 'sometimes', safety: 'safe', reason: 'Not offered when the port word spans lines or is quoted.' },
  create(context) {
    return {
      EXPOSE(expose) {
        for (const port of exposedPorts(expose)) {
          const protocol = port.protocol;
          if (protocol === null || port.protocolHasVariable || protocol === protocol.toLowerCase() || !PROTOCOLS.has(protocol.toLowerCase())) continue;
          const range = port.protocolRange ?? port.word.range;
          context.report({
            range,
            message: `Write the protocol in lower case: ${port.word.value.slice(0, port.word.value.length - protocol.length)}${protocol.toLowerCase()}`,
            fixes: port.protocolRange
              ? [{ title: `Use ${protocol.toLowerCase()}`, safety: 'safe', edits: [{ range: port.protocolRange, newText: protocol.toLowerCase() }] }]
              : [],
          });
        }
      },
    };
  },
});
