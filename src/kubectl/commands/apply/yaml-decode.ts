// Moved to resource/yaml-decode.ts; re-exported for apply and edit.
export * from '../../resource/yaml-decode.ts';
