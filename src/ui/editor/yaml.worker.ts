// The YAML language worker (yaml-language-server inside monaco-yaml), bundled by Vite as its own
// worker file (`./yaml.worker.ts?worker`), as monaco-yaml's README recommends for Vite.
import 'monaco-yaml/yaml.worker.js';
