// One connection attempt plus (when it connects) one HTTP exchange, shared by curl and wget.
// Returns what happened on the wire; each tool turns it into its own words and waits as long as
// it would (the caller owns timeouts, since curl and wget wait differently).

import type { HttpRequest, HttpResponse } from '../../cluster/network/apps/types.ts';
import type { Trace } from '../../cluster/network/trace.ts';
import { EXTERNAL_PORTS, externalResponse } from './external.ts';
import type { NetHost } from './host.ts';

export type Outcome =
  | { kind: 'response'; trace: Trace; response: HttpResponse; localPort: number }
  /** Connected, but the far end closed without an HTTP answer. */
  | { kind: 'empty'; trace: Trace }
  /** Connected to something that does not speak TLS. */
  | { kind: 'tls'; trace: Trace }
  | { kind: 'refused'; trace: Trace }
  /** SYN unanswered (blackholed, dropped): the client waits for its timeout. */
  | { kind: 'timeout'; trace: Trace }
  /** No host at the address (ARP fails): EHOSTUNREACH after a few seconds. */
  | { kind: 'unreachable'; trace: Trace };

export interface ExchangeRequest {
  tls: boolean;
  address: string;
  port: number;
  /** The name the client asked for (Host header, trace). */
  host: string;
  request: Omit<HttpRequest, 'remoteAddr' | 'remotePort'>;
  tool: string;
}

export function exchange(net: NetHost, x: ExchangeRequest): Outcome {
  const { network, vantage } = net;
  const dp = network.dataplane;
  if (x.tls) {
    // TLS first: only the sandbox's external hosts serve it; the simulated apps speak plain HTTP.
    const t = dp.connect(vantage, x.address, x.port, { host: x.host, tool: x.tool });
    if (t.result.kind !== 'external') {
      if (t.result.kind === 'connected') {
        t.why = `${t.result.pod.name} answers plain HTTP on port ${t.result.port}, not TLS: use http:// (Services in the sandbox serve no certificates).`;
        return { kind: 'tls', trace: dp.record(t) };
      }
      return failure(dp.record(t));
    }
    return externalOutcome(dp.record(t), x);
  }
  const r = network.http(vantage, x.address, x.port, x.request, { host: x.host, tool: x.tool });
  if (r.response) return { kind: 'response', trace: r.trace, response: r.response, localPort: 0 };
  if (r.emptyReply) return { kind: 'empty', trace: r.trace };
  if (r.trace.result.kind === 'external') return externalOutcome(r.trace, x);
  return failure(r.trace);
}

function externalOutcome(trace: Trace, x: ExchangeRequest): Outcome {
  if (!EXTERNAL_PORTS.includes(x.port)) return { kind: 'timeout', trace };
  trace.httpStatus = 200;
  return { kind: 'response', trace, response: externalResponse(x.request.method, trace.at), localPort: 0 };
}

function failure(trace: Trace): Outcome {
  switch (trace.result.kind) {
    case 'refused':
      return { kind: 'refused', trace };
    case 'unreachable':
      return { kind: 'unreachable', trace };
    default:
      return { kind: 'timeout', trace };
  }
}

