// What the sandbox's "internet" answers for the Kubernetes docs: the example files behind
// https://k8s.io/examples/…, https://kubernetes.io/examples/… and raw.githubusercontent.com's copy
// of the website repository, and the apps their images run. Anything else under those prefixes is
// a 404, as from the real site; other hosts do not resolve.

import { registerUrlReader, type UrlResponse } from '../../kubectl/resource/urls.ts';
import { registerDocsApps } from './apps.ts';
import { EXAMPLE_FILES } from './files.ts';

const PREFIXES = [
  'https://k8s.io/examples/',
  'http://k8s.io/examples/',
  'https://kubernetes.io/examples/',
  'https://raw.githubusercontent.com/kubernetes/website/main/content/en/examples/',
];

const NOT_BUNDLED = 'the sandbox bundles the docs examples of the Services and networking pages (see docs/DOCS-COMPAT.md)';

/** The example path a docs URL names, or undefined when it is not a docs examples URL. */
export function examplePath(url: string): string | undefined {
  const p = PREFIXES.find((x) => url.startsWith(x));
  return p === undefined ? undefined : url.slice(p.length).replace(/[?#].*$/, '');
}

export function fetchExample(url: string): UrlResponse | undefined {
  const path = examplePath(url);
  if (path === undefined) return undefined;
  const body = EXAMPLE_FILES[path];
  if (body === undefined) return { status: 404, statusText: '404 Not Found', body: '', hint: NOT_BUNDLED };
  return { status: 200, statusText: '200 OK', body };
}

let installed = false;

/** Make the docs examples and their apps available (idempotent). */
export function installDocsExamples(): void {
  if (installed) return;
  installed = true;
  registerUrlReader(fetchExample);
  registerDocsApps();
}
