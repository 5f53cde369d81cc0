// Monaco with YAML and Kubernetes schemas. This module and everything it imports form separate
// chunks that load when the editor is first opened (editor.svelte.ts imports it dynamically), so
// the first page load fetches none of it. STACK.md §4 explains the workers, the alias and the shim.

import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { configureMonacoYaml, type JSONSchema } from 'monaco-yaml';
import YamlWorker from './yaml.worker.ts?worker';

export type Monaco = typeof monaco;
export type CodeEditor = monaco.editor.IStandaloneCodeEditor;
export type TextModel = monaco.editor.ITextModel;
export type MarkerData = monaco.editor.IMarkerData;

/** Markers set from kubectl apply's output (monaco-yaml keeps its own owner). */
export const APPLY_OWNER = 'kubectl-apply';

// Monaco's own worker (diffs, word ranges). The YAML worker is made by the shim below.
globalThis.MonacoEnvironment = { getWorker: () => new EditorWorker() };

/**
 * monaco-yaml 5.5.1 (through monaco-worker-manager) still calls createWebWorker({ label,
 * moduleId, createData }); Monaco ≥0.55 wants the Worker itself. Make the YAML worker here and
 * replay the old handshake (a first message that starts it, then createData), as Monaco's own
 * adapter does (monaco-yaml #272, monaco-editor #5310).
 */
function withYamlWorker(m: Monaco): Monaco {
  const createWebWorker = (opts: { createData?: unknown; host?: Record<string, (...args: unknown[]) => unknown>; keepIdleModels?: boolean }) => {
    const worker = new YamlWorker();
    worker.postMessage('ignore');
    worker.postMessage(opts.createData);
    return m.editor.createWebWorker({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
  };
  return { ...m, editor: { ...m.editor, createWebWorker } } as unknown as Monaco;
}

let configured = false;

/** Register the manifest schema for every .yaml/.yml file (models are named by their path). */
export function configureYaml(schema: Record<string, unknown>): void {
  if (configured) return;
  configured = true;
  configureMonacoYaml(withYamlWorker(monaco), {
    enableSchemaRequest: false, // no network: the schema is inline
    hover: true,
    completion: true,
    validate: true,
    format: { enable: true },
    isKubernetes: false,
    schemas: [{ uri: 'inmemory://schemas/manifest.json', fileMatch: ['**/*.yaml', '**/*.yml'], schema: schema as JSONSchema }],
  });
}

// Backgrounds match the page's panels (app.css) so the editor sits in the layout like the terminal.
monaco.editor.defineTheme('sandbox-light', { base: 'vs', inherit: true, rules: [], colors: { 'editor.background': '#fbfcfe' } });
monaco.editor.defineTheme('sandbox-dark', { base: 'vs-dark', inherit: true, rules: [], colors: { 'editor.background': '#0d1117' } });

export function setDark(dark: boolean): void {
  monaco.editor.setTheme(dark ? 'sandbox-dark' : 'sandbox-light');
}

export function createEditor(element: HTMLElement, dark: boolean): CodeEditor {
  setDark(dark);
  return monaco.editor.create(element, {
    model: null,
    automaticLayout: true,
    fontFamily: 'ui-monospace, "Cascadia Mono", "JetBrains Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
    fontSize: 14,
    tabSize: 2,
    insertSpaces: true,
    minimap: { enabled: false },
    lineNumbersMinChars: 3,
    scrollBeyondLastLine: false,
    renderLineHighlight: 'line',
    quickSuggestions: { other: true, comments: false, strings: true },
    fixedOverflowWidgets: true,
    stickyScroll: { enabled: false },
    padding: { top: 6 },
  });
}

function language(path: string): string {
  return /\.ya?ml$/i.test(path) ? 'yaml' : /\.json$/i.test(path) ? 'json' : 'plaintext';
}

/** The model for a file; its URI is the file's path, which is what the schema's fileMatch sees. */
export function modelFor(path: string, content: string): TextModel {
  const uri = monaco.Uri.file(path);
  const existing = monaco.editor.getModel(uri);
  if (existing) return existing;
  return monaco.editor.createModel(content, language(path), uri);
}

export function setApplyMarkers(model: TextModel, markers: MarkerData[]): void {
  monaco.editor.setModelMarkers(model, APPLY_OWNER, markers);
}

export const ERROR = monaco.MarkerSeverity.Error;
export const WARNING = monaco.MarkerSeverity.Warning;

/** Every marker on a model (monaco-yaml's schema problems and apply's), for tests and the status line. */
export function markersOf(model: TextModel): monaco.editor.IMarker[] {
  return monaco.editor.getModelMarkers({ resource: model.uri });
}

export function onMarkersChanged(listener: () => void): monaco.IDisposable {
  return monaco.editor.onDidChangeMarkers(listener);
}

/** Ctrl+S / Cmd+S in the editor. */
export function onSaveKey(editor: CodeEditor, save: () => void): void {
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, save);
}

// Apply's problems are read and placed with the `yaml` package: part of this lazy chunk, not the page's.
export { applyProblems } from './apply-errors.ts';
export { problemSpans } from './yaml-positions.ts';
