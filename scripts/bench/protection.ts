// Does the server's protection hold? Files over the size limit must get one notice quickly; this
// also times files under the limit of the shape that makes dockerfile-ast quadratic (comments ×
// FROMs), which a byte limit alone lets through.
import { concatenatedDockerfiles } from '../../test/corpus/synthetic';
import { LspProcess } from './lsp-process';
import { LAYERWISE_SERVER } from './lsp-latency';
import { shapeCounts } from './superlinear';
import { bytes, ms, table } from './stats';

interface Probe {
  label: string;
  text: string;
}

function probes(): Probe[] {
  const line = 'RUN echo "a long line that makes the file big quickly, again and again and again"\n';
  const oversized = `FROM debian:bookworm-slim\n${line.repeat(Math.ceil((2.5 * 1024 * 1024) / line.length))}`;
  return [
    { label: 'over the size limit', text: oversized },
    { label: 'comment + FROM × 2,000', text: '# note\nFROM alpine\n'.repeat(2_000) },
    { label: 'comment + FROM × 4,000', text: '# note\nFROM alpine\n'.repeat(4_000) },
    { label: 'Dockerfiles pasted together, 1 MB', text: concatenatedDockerfiles(1024 * 1024) },
  ];
}

export async function runProtectionCheck(log: (line: string) => void): Promise<string> {
  const { server } = await LspProcess.start(LAYERWISE_SERVER);
  const rows: string[][] = [];
  try {
    for (const [index, probe] of probes().entries()) {
      log(`  protection: ${probe.label}…`);
      const uri = `file:///bench/protection-${index}/Dockerfile`;
      const published = server.nextDiagnostics(uri, () => true, 120_000);
      const started = performance.now();
      await server.open(uri, probe.text);
      const { diagnostics } = await published;
      const elapsed = performance.now() - started;
      const { comments, froms } = shapeCounts(probe.text);
      const first = diagnostics[0];
      const message = first === undefined ? '' : typeof first.message === 'string' ? first.message : '';
      rows.push([probe.label, bytes(Buffer.byteLength(probe.text)), `${comments} × ${froms}`, ms(elapsed), `${diagnostics.length}: ${message.slice(0, 60)}`]);
      await server.close(uri);
    }
  } finally {
    await server.stop();
  }
  return `Server protection (didOpen → publishDiagnostics)\n\n${table(
    ['document', 'size', 'comments × FROMs', 'time', 'diagnostics: first message'],
    rows,
  )}`;
}
