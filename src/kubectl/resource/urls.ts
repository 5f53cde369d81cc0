// `-f https://…`: kubectl's resource.Builder fetches a URL with http.Get (cli-runtime
// visitor.go readHttpWithRetries). The sandbox has no internet; its host registers what a URL
// answers (the docs' bundled examples), the way images and apps are registered.

import { CmdError } from '../errors.ts';

export interface UrlResponse {
  status: number;
  /** Go's resp.Status: `404 Not Found`. */
  statusText: string;
  body: string;
  /** A teaching hint printed after kubectl's error (why the sandbox answered so). */
  hint?: string;
}

/** What a GET of the URL returns, or undefined when the host does not answer (no route). */
export type UrlReader = (url: string) => UrlResponse | undefined;

let reader: UrlReader = () => undefined;

export function registerUrlReader(r: UrlReader): void {
  reader = r;
}

/** FilenameParam's test: only these prefixes make a source a URL. */
export function isUrl(name: string): boolean {
  return name.startsWith('http://') || name.startsWith('https://');
}

/** The body of a 200, else readHttpWithRetries' error. */
export function readUrl(url: string): string {
  const r = reader(url);
  if (!r) {
    const host = /^https?:\/\/([^/:?#]+)/.exec(url)?.[1] ?? '';
    throw new CmdError(`Get ${JSON.stringify(url)}: dial tcp: lookup ${host}: no such host`).withHint(
      'this sandbox has no internet: only the Kubernetes docs examples (https://k8s.io/examples/…) are bundled',
    );
  }
  if (r.status !== 200) {
    const err = new CmdError(`unable to read URL ${JSON.stringify(url)}, server reported ${r.statusText}, status code=${r.status}`);
    throw r.hint ? err.withHint(r.hint) : err;
  }
  return r.body;
}
