// EXPOSE arguments read as Docker reads them: `[ip:][hostPort:]containerPort[-end][/protocol]`.
import type { InstructionInfo } from '../../model-types';
import type { Range } from '../../rule';
import { instructionArguments, type ArgumentWord } from './instruction-args';

export interface ExposedPort {
  word: ArgumentWord;
  /** Everything before the container port (`127.0.0.1:8080:`), or null without a mapping. */
  mapping: string | null;
  /** The container port or range as written (`80`, `8000-8010`, `$PORT`). */
  port: string;
  portHasVariable: boolean;
  /** The protocol as written, or null. */
  protocol: string | null;
  protocolHasVariable: boolean;
  /** The range of the protocol in the document, when known. */
  protocolRange: Range | null;
}

export const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

/** `${PORT:-80}` must not look like a host mapping: variables are masked before the text is split. */
function maskVariables(value: string): string {
  return value
    .replace(/\$\{[^}]*\}/g, (match) => '$'.repeat(match.length))
    .replace(/\$[A-Za-z_][A-Za-z0-9_]*/g, (match) => '$'.repeat(match.length));
}

export function exposedPorts(expose: InstructionInfo): ExposedPort[] {
  return instructionArguments(expose).map((word) => {
    const value = word.value;
    const masked = maskVariables(value);
    const colon = masked.lastIndexOf(':');
    const slash = masked.indexOf('/', colon + 1);
    const portEnd = slash === -1 ? value.length : slash;
    const singleLine = word.range.start.line === word.range.end.line && word.range.end.character - word.range.start.character === value.length;
    return {
      word,
      mapping: colon === -1 ? null : value.slice(0, colon + 1),
      port: value.slice(colon + 1, portEnd),
      portHasVariable: masked.slice(colon + 1, portEnd).includes('$'),
      protocol: slash === -1 ? null : value.slice(slash + 1),
      protocolHasVariable: slash !== -1 && masked.slice(slash + 1).includes('$'),
      protocolRange:
        slash === -1 || !singleLine
          ? null
          : { start: { line: word.range.start.line, character: word.range.start.character + slash + 1 }, end: word.range.end },
    };
  });
}

/** Why a container port is invalid, or null when Docker accepts it. */
export function invalidPortReason(port: ExposedPort): string | null {
  if (port.portHasVariable) return null;
  const range = /^(\d+)(?:-(\d+))?$/.exec(port.port);
  if (!range) return `"${port.port}" is not a port number`;
  const start = Number(range[1]);
  const end = range[2] === undefined ? start : Number(range[2]);
  if (start > 65535 || end > 65535) return `${port.port} is outside 0-65535`;
  if (end < start) return `the range ${port.port} ends before it starts`;
  if (port.protocol !== null && !port.protocolHasVariable && !PROTOCOLS.has(port.protocol.toLowerCase())) {
    return `"${port.protocol}" is not a protocol (tcp, udp or sctp)`;
  }
  return null;
}
