import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { convertBaseImageTsv } from './import-base-images';

const HEADER = [
  '# Facts about base images.',
  '# Rule of thumb measured on pairs below: uncompressed ~ 2.5 x compressed (2.2 tiny musl images).',
  'image\tcompressed_bytes\tuncompressed_bytes\tdistro\tpkg_manager\tshell\tuser\tsource',
];

function tsv(...rows: string[]): string {
  return [...HEADER, ...rows].join('\n') + '\n';
}

const OPTIONS = { sourceName: '../shared/data/base-images.tsv', importedAt: '2026-11-22' };

describe('convertBaseImageTsv', () => {
  it('keeps measured numbers and marks derived ones, with the ratio from the header', () => {
    const table = convertBaseImageTsv(
      tsv(
        'both:1\t100\t260\tdebian12\tapt\tsh\troot\tmeasured pair',
        'compressed-only:1\t1000\t\talpine\tapk\tsh\troot\tremote only',
        'uncompressed-only:1\t\t5000\tdebian12\tnone\tnone\tnonroot(65532)\tdocker images',
      ),
      OPTIONS,
    );
    assert.equal(table.uncompressedPerCompressed, 2.5);
    assert.deepEqual(table.images['both:1'], {
      compressedBytes: 100,
      uncompressedBytes: 260,
      distro: 'debian12',
      packageManager: 'apt',
      hasShell: true,
      user: 'root',
      source: 'measured pair',
    });
    assert.equal(table.images['compressed-only:1'].uncompressedBytes, 2500);
    assert.equal(table.images['compressed-only:1'].uncompressedDerived, true);
    assert.equal(table.images['compressed-only:1'].compressedDerived, undefined);
    const distroless = table.images['uncompressed-only:1'];
    assert.deepEqual([distroless.compressedBytes, distroless.compressedDerived, distroless.uncompressedDerived], [2000, true, undefined]);
    assert.deepEqual([distroless.user, distroless.uid, distroless.hasShell, distroless.packageManager], ['nonroot', 65532, false, 'none']);
  });

  it('records provenance: the source table, the import date and the header notes', () => {
    const table = convertBaseImageTsv(tsv('a:1\t1\t\tdebian12\tapt\tsh(busybox)\troot\ts'), OPTIONS);
    assert.deepEqual(table.provenance.table, OPTIONS.sourceName);
    assert.equal(table.provenance.importedAt, '2026-11-22');
    assert.equal(table.provenance.notes[0], 'Facts about base images.');
    assert.equal(table.images['a:1'].hasShell, true);
  });

  it('rejects a table it cannot read faithfully', () => {
    assert.throws(() => convertBaseImageTsv(tsv().replace(/uncompressed ~ 2\.5 x compressed/, 'no ratio'), OPTIONS), /ratio/);
    assert.throws(() => convertBaseImageTsv(tsv('a\tmany\t\tdebian\tapt\tsh\troot\ts'), OPTIONS), /byte count/);
    assert.throws(() => convertBaseImageTsv(tsv('a\t1\t\tdebian\tpacman\tsh\troot\ts'), OPTIONS), /package manager/);
    assert.throws(() => convertBaseImageTsv(tsv('a\t1\t\tx\tapt\tsh\troot\ts', 'a\t2\t\tx\tapt\tsh\troot\ts'), OPTIONS), /duplicate/);
    assert.throws(() => convertBaseImageTsv('# uncompressed ~ 2 x compressed\nimage\tsource\n', OPTIONS), /missing columns/);
  });
});
