// Builds the DockerfileModel: parse once with dockerfile-ast, then stages, roles, base images and RUN scripts.
import type { DockerfileModel, ModelOptions } from './model-types';

export type * from './model-types';

export function buildModel(text: string, options: ModelOptions = {}): DockerfileModel {
  void text;
  void options;
  throw new Error('not implemented yet');
}
