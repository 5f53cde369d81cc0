// Simulated applications: what a container's process answers on its ports. Each image that
// serves something registers an App; the dataplane asks "is anything listening?" and the HTTP
// client (curl, wget, the Ingress controller) asks it to answer.

import type { KObject } from '../../apiserver/types.ts';
import type { NetworkService } from '../service.ts';
import type { Trace } from '../trace.ts';

export interface HttpRequest {
  method: string;
  path: string; // with query string
  /** Header lines as sent, in order (Host first, as curl does). */
  headers: [string, string][];
  body: string;
  /** Address and port the app sees the connection from (after any SNAT). */
  remoteAddr: string;
  remotePort: number;
  /** The port the app accepted the connection on. */
  localPort?: number;
  /** The connection is TLS (curl https://…); the client has already checked the certificate. */
  tls?: boolean;
}

export interface HttpResponse {
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
}

/** What an app knows about where it runs. */
export interface AppContext {
  pod: KObject;
  container: { name: string; image: string; command?: string[]; args?: string[]; env?: { name: string; value?: string }[]; ports?: { containerPort: number; name?: string; protocol?: string }[] };
  /** The process environment, as `env` inside the container prints it. */
  env: Record<string, string>;
  now: number;
  /** Append a line to the container's log (stdout). */
  log(line: string): void;
  /** The network, for apps that connect onward (the Ingress controller's proxy). */
  network?: NetworkService;
  /** The trace of the connection being answered, for apps that add hops (a proxy). */
  trace?: Trace;
}

export interface App {
  /** Ports the process listens on (TCP), given its command line. */
  ports(ctx: Pick<AppContext, 'container' | 'env'>): number[];
  /** Answer one HTTP request. */
  http?(req: HttpRequest, ctx: AppContext): HttpResponse;
  /** Answer a raw TCP exchange (e.g. redis' RESP): bytes in, bytes out. */
  tcp?(data: string, ctx: AppContext): string;
  /** Lines the process logs when it starts. */
  startupLogs?(ctx: AppContext): string[];
}
