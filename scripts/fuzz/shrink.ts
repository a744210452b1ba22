// Shrinks a failing input to a few lines that still fail the same way (line-based delta debugging),
// so that a rule author reads five lines instead of a hundred.
import { checkInput, failureSignature } from './check';

const MAX_CHECKS = 400;

function stillFails(text: string, signature: string): boolean {
  const verifyFixes = signature.startsWith('fix ');
  return checkInput(text, { verifyFixes }).failures.some((failure) => failureSignature(failure) === signature);
}

/** Returns the smallest text found (by whole lines, keeping their line ends) that keeps `signature`. */
export function shrinkFailure(text: string, signature: string): string {
  // Split after each line end so that CRLF, lone CR and a missing final newline survive as written.
  let lines = text.match(/[^\r\n]*(?:\r\n|\r|\n|$)/g)?.filter((line) => line !== '') ?? [text];
  let checks = 0;
  for (let chunk = Math.max(1, Math.floor(lines.length / 2)); chunk >= 1; chunk = Math.floor(chunk / 2)) {
    for (let start = 0; start < lines.length && checks < MAX_CHECKS; ) {
      const candidate = [...lines.slice(0, start), ...lines.slice(start + chunk)];
      checks++;
      if (candidate.length > 0 && stillFails(candidate.join(''), signature)) lines = candidate;
      else start += chunk;
    }
  }
  return lines.join('');
}
