export type * from './ast.ts';
export { parse, InvalidIdentifier } from './parser.ts';
export { IncompleteInput, ShellSyntaxError, type IncompleteReason } from './errors.ts';
export { BadSubstitution } from './lexer.ts';
