// Parses RUN scripts into commands with exact document ranges.
export type * from './shell-types';
