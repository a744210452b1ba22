import type { DockerfileModel, InstructionInfo, Stage } from '../model-types';
import { defineRule, type Fix } from '../rule';
import { derivedStages } from './support/apt-lists';
import { baseName, operands, type Invocation } from './support/commands';
import { hasCacheMountOn } from './support/paths';
import { appendCommandsEdit, hasCustomShell } from './support/run-edits';
import { couldSplitRunGroup } from './support/size-context';
import { commandsAfter, downloads, extractedArchive, removalOf, sameFile, type Download } from './support/size-archives';

/** Commands that read the archive without keeping it elsewhere: verifying it is part of downloading it. */
const READERS = new Set(['sha256sum', 'sha512sum', 'sha1sum', 'md5sum', 'gpg', 'gpgv', 'echo', 'printf', 'test', '[', 'ls', 'file', 'tar', 'gtar', 'bsdtar', 'unzip']);

export default defineRule({
  id: 'downloaded-archive-not-removed',
  code: 'LW113',
  aliases: {},
  category: 'size',
  severity: 'warning',
  appliesTo: 'shipped-stages',
  docs: {
    summary: 'An archive downloaded and extracted in a RUN but not removed in it stays in the layer.',
    rationale: [
      'After `curl -o /tmp/x.tgz … && tar -xzf /tmp/x.tgz`, the layer holds both the extracted files and the',
      'archive: the download is paid for twice, for good. Remove the archive in the same RUN',
      '(`&& rm -f /tmp/x.tgz`), since a later RUN cannot shrink this layer, or stream it straight into the',
      'extractor (`curl -fsSL … | tar -xz`) so that it is never written.',
    ].join('\n'),
    examples: {
      invalid: ['FROM debian:12-slim\nRUN curl -fsSL -o /tmp/tool.tgz https://example.com/tool.tgz \\\n    && tar -xzf /tmp/tool.tgz -C /usr/local/bin\n'],
      valid: [
        'FROM debian:12-slim\nRUN curl -fsSL -o /tmp/tool.tgz https://example.com/tool.tgz \\\n    && tar -xzf /tmp/tool.tgz -C /usr/local/bin \\\n    && rm -f /tmp/tool.tgz\n',
        'FROM debian:12-slim\nRUN curl -fsSL https://example.com/tool.tgz | tar -xz -C /usr/local/bin\n',
      ],
    },
    differences: 'Only archives that the same RUN extracts with tar or unzip are judged: a downloaded file that is not extracted may be what the image needs.',
  },
  fix: {
    availability: 'sometimes',
    safety: 'safe',
    reason:
      'Not offered for heredoc or exec-form RUNs, after a SHELL instruction, when the RUN ends in a way `&&` would change, when the file name cannot be written safely, or when a later instruction names the file.',
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        const script = run.script;
        if (!script || script.incomplete) return;
        for (const download of downloads(script)) {
          if (!isExtractedAndKept(run, download)) continue;
          const fix = removalFix(model, stage, run, download);
          const name = download.text ?? download.file;
          context.report({
            range: download.word.range,
            message: `the archive \`${name}\` is extracted but not removed: it stays in this layer next to what it unpacked; add \`rm -f ${name}\` to this RUN`,
            fixes: fix ? [fix] : [],
          });
        }
      },
    };
  },
});

/** The download is extracted later in the script and nothing after it removes, moves or uses the file otherwise. */
function isExtractedAndKept(run: InstructionInfo, download: Download): boolean {
  const script = run.script!;
  if (download.file.startsWith('/') && hasCacheMountOn(run, [download.file])) return false;
  const later = commandsAfter(script, download.invocation);
  if (!later.some((invocation) => isExtractionOf(invocation, download))) return false;
  for (const invocation of later) {
    if (invocation.name === 'rm') {
      // A removal the rule cannot relate to the file (a variable) is taken as removing it.
      if (operands(invocation).some((word) => removalOf(word, download.file) !== 'other')) return false;
    } else if (!READERS.has(invocation.name) && mentions(invocation, download.file)) {
      return false;
    }
  }
  return true;
}

function isExtractionOf(invocation: Invocation, download: Download): boolean {
  const archive = extractedArchive(invocation);
  return archive !== null && sameFile(archive, download.file);
}

/** A command that takes the file as an argument (mv, cp, dpkg -i…): the archive may be wanted. */
function mentions(invocation: Invocation, file: string): boolean {
  return invocation.args.some((word) => sameFile(word.value, file) || word.value.endsWith(`=${file}`));
}

function removalFix(model: DockerfileModel, stage: Stage, run: InstructionInfo, download: Download): Fix | null {
  if (!download.text || hasCustomShell(stage, run) || couldSplitRunGroup(stage, run, 1) || namedLater(model, stage, run, download.file)) return null;
  const append = appendCommandsEdit(model, run, [`rm -f ${download.text}`]);
  return append ? { title: `Remove ${download.text} in the same RUN`, safety: 'safe', edits: [append] } : null;
}

/** True when an instruction after the RUN (in its stage or a stage built on it) names the file. */
function namedLater(model: DockerfileModel, stage: Stage, run: InstructionInfo, file: string): boolean {
  const name = baseName(file);
  const later = [...stage.instructions.slice(stage.instructions.indexOf(run) + 1), ...derivedStages(model, stage).flatMap((s) => s.instructions)];
  return later.some((instruction) => instruction.node.getTextContent().includes(name));
}
