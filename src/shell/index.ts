// The shell's public API.
export { ShellSession, type ShellSessionOptions, type ReplOptions, type ParseCheck } from './session.ts';
export { createDefaultPrograms } from './commands/registry.ts';
export { complete, registerCompleter, unregisterCompleter, type Completer, type CompleterRequest, type Completion } from './complete.ts';
export { VirtualFs, VfsError, type FsSnapshot, type Stat, type VirtualFsOptions } from './fs/vfs.ts';
export { sanitize, type SanitizeOptions } from './sanitize.ts';
export { parse, IncompleteInput, ShellSyntaxError } from './parser/index.ts';
export type { Program, ProcessContext, Input, Output } from './program.ts';
export type { Terminal } from './terminal.ts';
export type { Builtin, BuiltinContext } from './interpreter/runtime.ts';
export { BufferOutput, StringInput, EmptyInput } from './interpreter/streams.ts';
