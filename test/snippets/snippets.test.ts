// The contributed Dockerfile snippets are Layerwise's best practice in concrete form: their shape must be
// valid VS Code snippet syntax, and each one, expanded with its defaults, must parse and pass every rule
// in the registry (so a new rule that flags a snippet fails here until the snippet or the rule is fixed).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { analyze } from '../../server/src/analysis/engine';
import type { DockerfileModel, Stage } from '../../server/src/analysis/model-types';
import { allRules } from '../../server/src/analysis/rules/index';
import { instructionArguments } from '../../server/src/analysis/rules/support/instruction-args';
import { effectiveUser, isRootUser } from '../../server/src/analysis/rules/support/users';
import { emptyHost, FRAGMENT_HOSTS, insertIntoHost } from './fragment-hosts';
import { contributedSnippetFiles, loadSnippets, prefixOf, readSnippetFile, repoRoot, type Snippet } from './snippet-catalog';
import { tabStopsOf } from './snippet-syntax';

const DOCKERFILE_KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

/** LSP DiagnosticSeverity.Error and .Warning, as dockerfile-utils reports them. */
const SYNTAX_PROBLEM_SEVERITIES = new Set([1, 2]);

const snippets = loadSnippets();
const fullSnippets = snippets.filter((snippet) => !snippet.isFragment);
const fragments = snippets.filter((snippet) => snippet.isFragment);

function describeFindings(text: string, target?: string): string[] {
  const result = analyze(text, { target, estimateSizes: false });
  assert.deepEqual(result.internalErrors, [], 'no rule may throw on a snippet');
  return result.findings.map((finding) => `line ${finding.range.start.line + 1}: ${finding.rule} (${finding.code}) ${finding.message}`);
}

/** The Dockerfile a snippet is judged as: itself, or (for a fragment) its host with the fragment inserted. */
function judgedText(snippet: Snippet): string {
  if (!snippet.isFragment) return snippet.expanded;
  const host = FRAGMENT_HOSTS[prefixOf(snippet)];
  assert.ok(host, `${prefixOf(snippet)} is a fragment: give it a host Dockerfile in test/snippets/fragment-hosts.ts`);
  return insertIntoHost(host, snippet.expanded);
}

/** Stages nobody builds on or copies from: besides the last one, they exist to be built with --target. */
function alternativeTargets(model: DockerfileModel): string[] {
  return model.stages.filter((stage) => !stage.ships && stage.roles.includes('unused') && stage.name !== null).map((stage) => stage.name as string);
}

function runsAsNonRoot(stage: Stage): boolean {
  const { user } = effectiveUser(stage);
  return user !== null && !isRootUser(user);
}

describe('snippet files', () => {
  it('contributes every snippets/*.code-snippets file for the dockerfile language', () => {
    const onDisk = readdirSync(join(repoRoot, 'snippets')).filter((name) => name.endsWith('.code-snippets')).map((name) => `snippets/${name}`);
    assert.ok(onDisk.length > 0, 'no snippet files found');
    assert.deepEqual([...contributedSnippetFiles()].sort(), onDisk.sort());
  });

  it('writes each file as plain JSON (no comments), an object of snippets', () => {
    for (const file of contributedSnippetFiles()) {
      const entries = readSnippetFile(file);
      assert.ok(Object.keys(entries).length > 0, `${file} has no snippets`);
    }
  });

  it('has full Dockerfiles and fragments', () => {
    assert.ok(fullSnippets.length >= 10, `only ${fullSnippets.length} full Dockerfile snippets`);
    assert.ok(fragments.length > 0, 'no fragment snippets');
  });
});

describe('snippet shape', () => {
  it('gives each snippet one unique prefix', () => {
    const prefixes = snippets.map(prefixOf);
    const duplicates = prefixes.filter((prefix, index) => prefixes.indexOf(prefix) !== index);
    assert.deepEqual(duplicates, []);
  });

  for (const snippet of snippets) {
    const prefix = prefixOf(snippet);
    describe(prefix, () => {
      it('has one lw- prefix in kebab-case that is not a Dockerfile keyword', () => {
        assert.equal(typeof snippet.raw.prefix, 'string', 'the prefix is one string');
        assert.match(prefix, /^lw-[a-z0-9]+(-[a-z0-9]+)*$/);
        assert.ok(!DOCKERFILE_KEYWORDS.has(prefix.toUpperCase()), `${prefix} is a Dockerfile keyword`);
      });

      it('has a description that says more than its name', () => {
        assert.equal(typeof snippet.raw.description, 'string');
        assert.ok(snippet.description.length > snippet.name.length, 'the description is longer than the name');
        assert.notEqual(snippet.description.toLowerCase(), snippet.name.toLowerCase());
      });

      it('has a body of lines and is not limited to another language', () => {
        assert.ok(Array.isArray(snippet.raw.body) && snippet.raw.body.length > 0, 'body is a non-empty array of lines');
        assert.ok((snippet.raw.body as unknown[]).every((line) => typeof line === 'string'));
        assert.ok(snippet.raw.scope === undefined || snippet.raw.scope === 'dockerfile', 'scope is dockerfile or absent');
      });

      it('uses only tab stops, placeholders, choices and escaped dollars', () => {
        const problems = snippet.parsed.problems.map((problem) => {
          const line = snippet.body.slice(0, problem.offset).split('\n').length;
          return `body line ${line}: ${problem.message}`;
        });
        assert.deepEqual(problems, []);
      });

      it('numbers its tab stops $1..$N with no gap, and has exactly one $0', () => {
        const tabStops = tabStopsOf(snippet.parsed.nodes);
        assert.equal(tabStops.filter((tabStop) => tabStop.index === 0).length, 1, 'exactly one $0');
        const indexes = [...new Set(tabStops.map((tabStop) => tabStop.index).filter((index) => index > 0))].sort((a, b) => a - b);
        assert.deepEqual(indexes, indexes.map((_, position) => position + 1), 'tab stops are 1, 2, … N with no gap');
      });

      it('gives every tab stop a default, the same wherever it repeats', () => {
        const defaults = new Map<number, string>();
        for (const tabStop of tabStopsOf(snippet.parsed.nodes)) {
          if (tabStop.index === 0) continue;
          if (tabStop.choices) assert.ok(tabStop.choices.length > 1 && tabStop.choices.every((choice) => choice !== ''), `$${tabStop.index}: choices are non-empty`);
          const text = tabStop.choices ? tabStop.choices.join('|') : tabStop.placeholder ? JSON.stringify(tabStop.placeholder) : null;
          if (text === null) {
            assert.ok(defaults.has(tabStop.index), `$${tabStop.index} has no default where it first appears`);
            continue;
          }
          if (defaults.has(tabStop.index)) assert.equal(text, defaults.get(tabStop.index), `$${tabStop.index} repeats with another default`);
          else defaults.set(tabStop.index, text);
        }
      });
    });
  }
});

describe('expanded snippets', () => {
  it('are judged by the whole rule registry, including root-user', () => {
    assert.ok(allRules.some((rule) => rule.id === 'root-user'));
  });

  for (const snippet of snippets) {
    const prefix = prefixOf(snippet);
    describe(prefix, () => {
      it('parses without a syntax problem', () => {
        const text = judgedText(snippet);
        const keywords = DockerfileParser.parse(text).getInstructions().map((instruction) => instruction.getKeyword());
        assert.deepEqual(keywords.filter((keyword) => !DOCKERFILE_KEYWORDS.has(keyword)), [], 'unknown instructions');
        const problems = validate(text).filter((diagnostic) => SYNTAX_PROBLEM_SEVERITIES.has(diagnostic.severity ?? 1));
        assert.deepEqual(problems.map((problem) => `line ${problem.range.start.line + 1}: ${problem.message}`), []);
      });

      it('gives no finding under any rule', () => {
        assert.deepEqual(describeFindings(judgedText(snippet)), []);
      });

      it('ships a non-root final stage', () => {
        const { model } = analyze(judgedText(snippet), { estimateSizes: false });
        assert.ok(model.shippedStage, 'a stage ships');
        assert.ok(runsAsNonRoot(model.shippedStage), `the final stage runs as ${effectiveUser(model.shippedStage).user ?? 'an unknown user'}`);
      });

      it('uses COPY, never ADD, for local files', () => {
        const { model } = analyze(judgedText(snippet), { estimateSizes: false });
        const localAdds = model.instructions
          .filter((instruction) => instruction.keyword === 'ADD')
          .filter((instruction) => instructionArguments(instruction).slice(0, -1).some((source) => !/^(https?|git):\/\/|^git@/.test(source.value)));
        assert.deepEqual(localAdds.map((instruction) => instruction.range.start.line + 1), []);
      });

      it('writes CMD and ENTRYPOINT in exec form', () => {
        const { model } = analyze(judgedText(snippet), { estimateSizes: false });
        for (const instruction of model.instructions.filter((info) => info.keyword === 'CMD' || info.keyword === 'ENTRYPOINT')) {
          const argumentsText = instruction.node.getArgumentsContent() ?? '';
          const parsed: unknown = JSON.parse(argumentsText);
          assert.ok(Array.isArray(parsed) && parsed.length > 0 && parsed.every((item) => typeof item === 'string'), `${instruction.keyword} ${argumentsText}`);
        }
      });
    });
  }

  for (const snippet of fullSnippets) {
    const prefix = prefixOf(snippet);
    describe(prefix, () => {
      it('explains each stage in a comment line right above its FROM', () => {
        const { model } = analyze(snippet.expanded, { estimateSizes: false });
        for (const stage of model.stages) {
          const above = model.lines[stage.from.range.start.line - 1] ?? '';
          assert.match(above, /^#\s+\S/, `stage ${stage.name ?? stage.index} has no comment above its FROM`);
        }
      });

      it('pins every base image to a tag other than latest', () => {
        const { model } = analyze(snippet.expanded, { estimateSizes: false });
        for (const stage of model.stages) {
          if (stage.baseStage || stage.base.isScratch) continue;
          assert.ok(stage.base.tag !== null && stage.base.tag !== 'latest', `${stage.base.raw} is not pinned`);
          assert.ok(!stage.base.hasUnresolvedVariables, `${stage.base.raw} depends on a build argument`);
        }
      });

      it('builds its alternative targets clean and non-root too', () => {
        const { model } = analyze(snippet.expanded, { estimateSizes: false });
        for (const target of alternativeTargets(model)) {
          assert.deepEqual(describeFindings(snippet.expanded, target), [], `--target ${target}`);
          const targeted = analyze(snippet.expanded, { target, estimateSizes: false }).model.shippedStage;
          assert.ok(targeted && runsAsNonRoot(targeted), `--target ${target} runs as root`);
        }
      });
    });
  }

  for (const snippet of fragments) {
    const prefix = prefixOf(snippet);
    const host = FRAGMENT_HOSTS[prefix];
    if (!host) continue;
    it(`${prefix}: its host is clean without it, except for the root user the fragment is there to fix`, () => {
      const findings = describeFindings(emptyHost(host));
      if (!host.runsAsRootWithoutFragment) {
        assert.deepEqual(findings, []);
        return;
      }
      assert.equal(findings.length, 1, findings.join('\n'));
      assert.match(findings[0], /root-user/);
    });
  }
});
