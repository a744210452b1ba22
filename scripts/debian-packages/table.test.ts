import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeSuite, parseRecords, relations, selectPackages } from './table';

const DUMP = `Package: app
Installed-Size: 100
Priority: optional
Depends: libfoo (>= 1.0), mail-transport-agent, usrmerge | usr-is-merged
Pre-Depends: dpkg

Package: libfoo
Installed-Size: 50
Priority: optional
Depends: libc6

Package: libc6
Installed-Size: 12000
Priority: required

Package: dpkg
Installed-Size: 6000
Priority: required
Essential: yes

Package: postfix
Installed-Size: 4000
Priority: optional
Provides: mail-transport-agent

Package: usrmerge
Installed-Size: 40
Priority: optional
Depends: perl

Package: usr-is-merged
Installed-Size: 10
Priority: optional

Package: perl
Installed-Size: 700
Priority: standard

Package: unrelated
Installed-Size: 1
Priority: optional
`;

describe('the Debian package table generator', () => {
  it('reads relations without versions, alternatives kept in order', () => {
    assert.deepEqual(relations('libc6 (>= 2.34), libssl3 | libssl3t64, foo:any'), [['libc6'], ['libssl3', 'libssl3t64'], ['foo']]);
  });

  it('keeps the base priorities, the common names and their closure; virtual names resolve to a provider', () => {
    const selected = selectPackages(parseRecords(DUMP), ['app']);
    const names = selected.map((pkg) => pkg.name);
    assert.deepEqual(names, ['app', 'dpkg', 'libc6', 'libfoo', 'perl', 'postfix', 'usr-is-merged']);
    const app = selected.find((pkg) => pkg.name === 'app');
    assert.deepEqual(app?.needs.sort(), ['dpkg', 'libfoo', 'postfix', 'usr-is-merged']);
  });

  it('encodes one line per package with dependencies as line numbers', () => {
    const lines = encodeSuite(selectPackages(parseRecords(DUMP), ['app'])).split('\n');
    assert.equal(lines[0].split(' ').slice(0, 3).join(' '), 'app 100 -');
    const needs = lines[0].split(' ')[3].split(',').map(Number).map((line) => lines[line].split(' ')[0]);
    assert.deepEqual(needs.sort(), ['dpkg', 'libfoo', 'postfix', 'usr-is-merged']);
    assert.match(lines.find((line) => line.startsWith('libc6 ')) ?? '', /^libc6 12000 r$/);
  });
});
