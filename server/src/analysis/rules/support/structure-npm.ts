// `npm install` / `npm ci` and whether they leave the devDependencies in the layer: the flags that omit
// them, the environment that does (NODE_ENV=production, npm_config_omit=dev), and the build steps after
// the install that need them.
import type { Arg, Env } from 'dockerfile-ast';
import type { InstructionInfo, Stage } from '../../model-types';
import type { ShellCommand } from '../../shell-types';
import { compareRangeStarts, findCalls, type ToolSpec } from './commands';
import { effectiveNode } from './instruction-args';
import { findInstallCalls, optionValue, type InstallCall, type InstallSyntax } from './pinning-command-line';
import { NPM_INSTALL } from './pinning-syntaxes';
import { matchedBefore } from './stage-history';

const NPM_PROJECT_INSTALL: InstallSyntax = {
  ...NPM_INSTALL,
  installSubcommands: [...NPM_INSTALL.installSubcommands, ['ci'], ['clean-install'], ['ic'], ['install-clean'], ['isntall-clean']],
};

const NPM: ToolSpec = { programs: ['npm'] };

/** Environment settings under which npm omits the devDependencies. */
const PRODUCTION_ENV: ReadonlyArray<{ name: RegExp; value: RegExp }> = [
  { name: /^NODE_ENV$/, value: /^production$/i },
  { name: /^npm_config_omit$/i, value: /(^|[\s,])dev($|[\s,])/ },
  { name: /^npm_config_production$/i, value: /^(true|1)$/i },
  { name: /^npm_config_only$/i, value: /^prod(uction)?$/i },
];

function isProductionSetting(name: string, value: string): boolean {
  return PRODUCTION_ENV.some((setting) => setting.name.test(name) && setting.value.test(value.replace(/^["']|["']$/g, '')));
}

/** Installs of the project's dependencies (no package operands, not global) that keep the devDependencies. */
export function devDependencyInstalls(run: InstructionInfo, stage: Stage): InstallCall[] {
  const script = run.script;
  if (!script) return [];
  // Cheap test first: most RUNs call no npm install; the ENV and ARG before the RUN are read only for those that do.
  const installs = findInstallCalls(script, NPM_PROJECT_INSTALL);
  if (installs.length === 0 || productionEnvironmentBefore(stage, run)) return [];
  return installs.filter(
    (call) =>
      call.packages.length === 0 &&
      optionValue(call, '-g', '--global', '--location') === null &&
      !omitsDev(call) &&
      !assignsProduction(call.invocation.command) &&
      !prunesLater(run, call),
  );
}

function omitsDev(call: InstallCall): boolean {
  const omitted = call.options.filter((option) => option.name === '--omit').map((option) => option.value ?? '');
  if (omitted.includes('dev')) return true;
  const only = optionValue(call, '--only');
  if (only !== null && /^prod(uction)?$/.test(only)) return true;
  const production = optionValue(call, '--production', '--prod');
  return production !== null && production !== 'false';
}

/** `NODE_ENV=production npm ci` or `env NODE_ENV=production npm ci`. */
function assignsProduction(command: ShellCommand): boolean {
  const words = [...command.assignments, ...(command.program?.value === 'env' ? command.args : [])];
  return words.some((word) => {
    const equals = word.value.indexOf('=');
    return equals > 0 && isProductionSetting(word.value.slice(0, equals), word.value.slice(equals + 1));
  });
}

/** `npm prune --omit=dev` (or `--production`) later in the same RUN removes them before the layer is written. */
function prunesLater(run: InstructionInfo, call: InstallCall): boolean {
  return findCalls(run.script!, NPM, ['prune']).some(
    (prune) =>
      compareRangeStarts(prune.command.range, call.invocation.command.range) > 0 &&
      prune.args.some((word) => word.value === '--production' || word.value === '--omit=dev' || word.value === 'dev'),
  );
}

const DECLARATIONS = ['ENV', 'ARG'];

/** An ENV or ARG default of the stage chain, before the RUN, that makes npm skip the devDependencies. */
function productionEnvironmentBefore(stage: Stage, run: InstructionInfo): boolean {
  return matchedBefore(stage, run, 'npm production setting', DECLARATIONS, setsProduction);
}

function setsProduction(instruction: InstructionInfo): boolean {
  const node = effectiveNode(instruction) as Partial<Env & Arg>;
  const properties = typeof node.getProperties === 'function' ? node.getProperties() : [];
  return properties.some((property) => isProductionSetting(property.getName(), property.getValue() ?? ''));
}

/** Commands after the install in the stage that may need the devDependencies (`npm run build`, `npx tsc`). */
export function buildStepsAfter(stage: Stage, run: InstructionInfo, call: InstallCall): boolean {
  const after = (command: ShellCommand) => compareRangeStarts(command.range, call.invocation.command.range) > 0;
  const runs = stage.instructions.filter((instruction) => instruction.keyword === 'RUN' && instruction.script && compareRangeStarts(instruction.range, run.range) >= 0);
  return runs.some((instruction) =>
    instruction.script!.commands.some((command) => (instruction !== run || after(command)) && isBuildStep(command)),
  );
}

function isBuildStep(command: ShellCommand): boolean {
  const program = command.program?.value ?? '';
  const first = command.args[0]?.value ?? '';
  if (/^(npx|yarn|pnpm|tsc|vite|webpack|next|ng|nest)$/.test(program)) return true;
  return program === 'npm' && /^(run|run-script|test|t|exec|x|build|rebuild)$/.test(first);
}
