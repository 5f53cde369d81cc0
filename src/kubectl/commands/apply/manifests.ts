// Moved to resource/manifests.ts (every -f reader uses it); re-exported for apply, diff and edit.
export * from '../../resource/manifests.ts';
