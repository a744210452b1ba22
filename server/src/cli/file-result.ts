// One linted file as the reporters see it.
import type { StageSummary } from '../analysis/engine-types';
import type { Finding } from '../analysis/rule';
import type { StageEstimate } from '../analysis/size/types';

export interface FileResult {
  /** As given on the command line (or found under a given folder); `<stdin>` for standard input. */
  path: string;
  findings: Finding[];
  stages: StageSummary[];
  estimates: StageEstimate[];
  /** --fix changed the file. */
  fixed: boolean;
}
