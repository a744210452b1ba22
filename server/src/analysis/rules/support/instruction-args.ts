// The arguments of a non-RUN instruction (ADD, COPY, USER…) as values with ranges, JSON form and ONBUILD
// triggers included. Flags are not arguments: they are in InstructionInfo.flags.
import type { Instruction } from 'dockerfile-ast';
import type { InstructionInfo } from '../../model-types';
import type { Range } from '../../rule';
import { remembered } from '../../remembered';

export interface ArgumentWord {
  value: string;
  range: Range;
}

interface JsonCapable {
  getJSONStrings(): Array<{ getJSONValue(): string; getJSONRange(): Range; getRange(): Range }>;
}

interface TriggerCapable {
  getTriggerInstruction(): Instruction | null;
}

function hasJsonStrings(node: unknown): node is JsonCapable {
  return typeof (node as Partial<JsonCapable>).getJSONStrings === 'function';
}

/** The instruction an ONBUILD line triggers, or the instruction itself. */
export function effectiveNode(instruction: InstructionInfo): Instruction {
  const node = instruction.node;
  if (node.getKeyword() === 'ONBUILD') {
    const trigger = (node as unknown as TriggerCapable).getTriggerInstruction?.();
    if (trigger) return trigger;
  }
  return node;
}

/** dockerfile-ast re-tokenises the instruction on every call: the words are read once per instruction. */
const argumentsByInstruction = new WeakMap<InstructionInfo, ArgumentWord[]>();

/** The words, shared by every rule: frozen, copy before changing them. */
export function instructionArguments(instruction: InstructionInfo): ArgumentWord[] {
  return remembered(argumentsByInstruction, instruction, readFrozenArguments);
}

function readFrozenArguments(instruction: InstructionInfo): ArgumentWord[] {
  return Object.freeze(readArguments(instruction)) as ArgumentWord[];
}

function readArguments(instruction: InstructionInfo): ArgumentWord[] {
  const node = effectiveNode(instruction);
  if (hasJsonStrings(node)) {
    const strings = node.getJSONStrings();
    if (strings.length > 0) return strings.map((s) => ({ value: s.getJSONValue(), range: s.getRange() }));
  }
  return node.getArguments().map((argument) => ({ value: argument.getValue(), range: argument.getRange() }));
}

/** dockerfile-ast cuts the text out of the document on every call: read once per instruction. */
const textByInstruction = new WeakMap<InstructionInfo, string>();

/** The instruction's text as written, continuation lines included (for a trigger, the whole ONBUILD line). */
export function instructionText(instruction: InstructionInfo): string {
  return remembered(textByInstruction, instruction, readText);
}

function readText(instruction: InstructionInfo): string {
  return instruction.node.getTextContent();
}
