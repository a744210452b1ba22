// The apt-lists problem (LW101) as data, so that the consecutive-RUN rule can leave its pair alone.
import type { DockerfileModel, InstructionInfo, Stage } from '../../model-types';
import type { SubcommandCall } from './commands';
import { aptListReaders, aptUpdates, leavesNoAptLists, readsAptListsWithoutUpdate } from './package-managers';

/** The first `apt-get update` of a RUN whose layer keeps the lists; null when the RUN is fine. */
export function uncleanedAptUpdate(run: InstructionInfo): SubcommandCall | null {
  if (run.keyword !== 'RUN' || !run.script) return null;
  // Cheap test first: most RUNs do not update the lists.
  const update = aptUpdates(run.script)[0];
  return update === undefined || leavesNoAptLists(run) ? null : update;
}

/** True when the RUN's last apt step is the update: the install that needs the lists is elsewhere. */
export function updatesWithoutInstall(run: InstructionInfo): boolean {
  const script = run.script;
  if (!script) return false;
  const updates = aptUpdates(script);
  if (updates.length === 0) return false;
  const lastUpdate = updates[updates.length - 1].command.range.start;
  return !aptListReaders(script).some(
    (reader) =>
      reader.command.range.start.line > lastUpdate.line ||
      (reader.command.range.start.line === lastUpdate.line && reader.command.range.start.character > lastUpdate.character),
  );
}

/** The instruction right after this one in its stage (ONBUILD triggers included), or null. */
export function nextInstruction(stage: Stage, instruction: InstructionInfo): InstructionInfo | null {
  const index = stage.instructions.indexOf(instruction);
  return index === -1 ? null : (stage.instructions[index + 1] ?? null);
}

/**
 * The update-then-install pair LW101 merges: `RUN apt-get update` whose lists stay behind, immediately
 * followed by the RUN that installs from them.
 */
export function isAptUpdateInstallPair(update: InstructionInfo, install: InstructionInfo): boolean {
  return (
    install.keyword === 'RUN' &&
    update.onbuild === install.onbuild &&
    uncleanedAptUpdate(update) !== null &&
    updatesWithoutInstall(update) &&
    readsAptListsWithoutUpdate(install)
  );
}

/** Stages built FROM this one, directly or through other stages. */
export function derivedStages(model: DockerfileModel, stage: Stage): Stage[] {
  return model.stages.filter((other) => {
    for (let base = other.baseStage; base; base = base.baseStage) if (base === stage) return true;
    return false;
  });
}

/**
 * True when a RUN after `after` (in its stage or in a stage built on it) installs from the lists without
 * updating them first: removing the lists earlier would break that install.
 */
export function laterRunReliesOnAptLists(model: DockerfileModel, stage: Stage, after: InstructionInfo): boolean {
  const index = stage.instructions.indexOf(after);
  const later = [...stage.instructions.slice(index + 1), ...derivedStages(model, stage).flatMap((s) => s.instructions)];
  return later.some((instruction) => instruction.keyword === 'RUN' && readsAptListsWithoutUpdate(instruction));
}
