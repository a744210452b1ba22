// `layerwise` command: binds the CLI (cli/run.ts) to the process.
import { version } from '../../package.json';
import { runCli } from './cli/run';

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

// `layerwise … | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

runCli(
  process.argv.slice(2),
  {
    writeOut: (text) => process.stdout.write(text),
    writeErr: (text) => process.stderr.write(text),
    readStdin,
    stdoutIsTty: process.stdout.isTTY,
    env: process.env,
  },
  version,
).then((code) => {
  // exitCode rather than exit(): let a large report drain to a pipe before the process ends.
  process.exitCode = code;
});
