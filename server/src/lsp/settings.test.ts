import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, parseSettings } from './settings';

describe('parseSettings', () => {
  it('reads a well-formed section', () => {
    const settings = parseSettings({
      enable: false,
      rules: { LW101: 'error', DL3009: 'off', 'untagged-base-image': 'hint' },
      target: 'runtime',
      sizeLens: { enabled: false },
    });
    assert.equal(settings.enable, false);
    assert.deepEqual({ ...settings.rules }, { LW101: 'error', DL3009: 'off', 'untagged-base-image': 'hint' });
    assert.equal(settings.target, 'runtime');
    assert.equal(settings.sizeLens.enabled, false);
  });

  it('gives the defaults for anything that is not an object', () => {
    for (const section of [undefined, null, 42, 'layerwise', ['enable']]) {
      assert.deepEqual({ ...parseSettings(section), rules: { ...parseSettings(section).rules } }, {
        ...DEFAULT_SETTINGS,
        rules: {},
        sizeLens: { enabled: true, measure: 'uncompressed', registryLookup: false },
      });
    }
  });

  it('drops values of the wrong type one by one, keeping the valid ones', () => {
    const settings = parseSettings({
      enable: 'yes',
      rules: { LW101: 'loud', LW102: 3, LW103: ' Warning ', '': 'off', LW104: null },
      target: 42,
      sizeLens: { enabled: 'no' },
    });
    assert.equal(settings.enable, true);
    assert.deepEqual({ ...settings.rules }, { LW103: 'warning' });
    assert.equal(settings.target, undefined);
    assert.equal(settings.sizeLens.enabled, true);
  });

  it('treats an empty target as "the last stage"', () => {
    assert.equal(parseSettings({ target: '  ' }).target, undefined);
  });

  it('keeps a __proto__ key as data, never as a prototype', () => {
    const settings = parseSettings(JSON.parse('{"rules":{"__proto__":"off","LW101":"off"}}'));
    assert.equal(Object.getPrototypeOf(settings.rules), null);
    assert.equal(settings.rules['__proto__'], 'off');
    assert.equal(settings.rules.LW101, 'off');
  });

  it('accepts the flat dotted form of the size lens setting', () => {
    assert.equal(parseSettings({ 'sizeLens.enabled': false }).sizeLens.enabled, false);
  });
});

describe('the settings contributed in package.json', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
  const properties: Record<string, { default: unknown; scope?: string }> = manifest.contributes.configuration.properties;

  it('have the defaults the server assumes when a value is missing', () => {
    const fromManifest: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(properties)) {
      if (key.startsWith('layerwise.trace.')) continue; // read by vscode-languageclient, not the server
      const path = key.slice('layerwise.'.length).split('.');
      let node = fromManifest;
      for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
      node[path[path.length - 1]] = property.default;
    }
    const parsed = parseSettings(fromManifest);
    assert.deepEqual({ ...parsed, rules: { ...parsed.rules } }, { ...DEFAULT_SETTINGS, rules: {}, sizeLens: { enabled: true, measure: 'uncompressed', registryLookup: false } });
  });

  it('name no program, and each has an explicit scope', () => {
    for (const [key, property] of Object.entries(properties)) {
      assert.ok(!/path|executable|command/i.test(key), `${key} looks like it names a program; make it machine-scoped`);
      assert.ok(property.scope === 'resource' || property.scope === 'window' || property.scope === 'machine', `${key} has an explicit scope`);
    }
  });
  it('make the registry lookup opt-in and out of a workspace\'s reach', () => {
    const lookup = properties['layerwise.sizeLens.registryLookup'];
    assert.equal(lookup.default, false);
    // VS Code ignores machine-scoped values in workspace and folder settings.
    assert.equal(lookup.scope, 'machine');
  });
  it('reads sizeLens.registryLookup, nested or dotted, as a boolean only', () => {
    assert.equal(parseSettings({ sizeLens: { registryLookup: true } }).sizeLens.registryLookup, true);
    assert.equal(parseSettings({ 'sizeLens.registryLookup': true }).sizeLens.registryLookup, true);
    assert.equal(parseSettings({ sizeLens: { registryLookup: 'yes' } }).sizeLens.registryLookup, false);
  });
  it('reads allowSuppressions, keeping the default for values that are not booleans', () => {
    assert.equal(parseSettings({ allowSuppressions: false }).allowSuppressions, false);
    assert.equal(parseSettings({ allowSuppressions: 'no' }).allowSuppressions, true);
    assert.equal(parseSettings(undefined).allowSuppressions, true);
  });
  it('reads sizeLens.measure, nested or dotted; anything else means uncompressed', () => {
    assert.equal(parseSettings({ sizeLens: { measure: 'compressed' } }).sizeLens.measure, 'compressed');
    assert.equal(parseSettings({ 'sizeLens.measure': 'compressed' }).sizeLens.measure, 'compressed');
    assert.equal(parseSettings({ sizeLens: { measure: 'gzip' } }).sizeLens.measure, 'uncompressed');
  });
});
