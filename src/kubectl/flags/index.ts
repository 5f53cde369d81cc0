export { FlagError, FlagSet, FlagValues, HELP_FLAG, type ParsedFlags } from './flagset.ts';
export { GLOBAL_FLAGS } from './global.ts';
export type { FlagDef, FlagType, FlagValue } from './types.ts';
export { goQuote } from './goformat.ts';
