// One connection attempt plus (when it connects) one HTTP exchange, shared by curl and wget.
// Returns what happened on the wire; each tool turns it into its own words and waits as long as
// it would (the caller owns timeouts, since curl and wget wait differently).

import type { HttpRequest, HttpResponse } from '../../cluster/network/apps/types.ts';
import { tlsFor } from '../../cluster/network/ingress/app.ts';
import type { TlsInfo } from '../../cluster/network/ingress/certificates.ts';
import type { Trace } from '../../cluster/network/trace.ts';
import { EXTERNAL_PORTS, externalResponse } from './external.ts';
import type { NetHost } from './host.ts';

export type Outcome =
  /** An answer; over TLS with the server's certificate and the protocol ALPN settled on. */
  | { kind: 'response'; trace: Trace; response: HttpResponse; localPort: number; tls?: TlsInfo; alpn?: 'h2' | 'http/1.1' }
  /** TLS handshake done up to the server's Certificate, which the client does not trust. */
  | { kind: 'untrusted'; trace: Trace; tls: TlsInfo; problem: VerifyProblem }
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
  request: Omit<HttpRequest, 'remoteAddr' | 'remotePort' | 'tls'>;
  tool: string;
  /** Skip certificate verification (curl -k, busybox wget always). */
  insecure?: boolean;
}

/** OpenSSL's X509_verify_cert_error_string and code for why a chain is not trusted. */
export interface VerifyProblem {
  text: string;
  code: number;
}

/**
 * No CA in the sandbox is trusted by the client's bundle: a self-signed certificate fails at
 * depth 0 (X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT), one signed by a private CA for want of
 * its issuer (X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY).
 */
export function verifyProblem(cert: TlsInfo): VerifyProblem {
  return cert.selfSigned ? { text: 'self-signed certificate', code: 18 } : { text: 'unable to get local issuer certificate', code: 20 };
}

/** ingress-nginx speaks HTTP/2 over TLS (use-http2: true); plain HTTP stays HTTP/1.1. */
const SERVER_ALPN = 'h2' as const;

export function exchange(net: NetHost, x: ExchangeRequest): Outcome {
  const { network, vantage } = net;
  const dp = network.dataplane;
  if (x.tls) {
    // TLS first: the external hosts and the processes tlsFor() knows (ingress-nginx on 443).
    const t = dp.connect(vantage, x.address, x.port, { host: x.host, tool: x.tool });
    if (t.result.kind === 'external') return externalOutcome(dp.record(t), x);
    if (t.result.kind !== 'connected') return failure(dp.record(t));
    const cert = tlsFor(network, t.result.pod, t.result.port, x.host);
    if (!cert) {
      t.why = `${t.result.pod.name} answers plain HTTP on port ${t.result.port}, not TLS: use http:// (only the Ingress controller serves certificates in the sandbox).`;
      return { kind: 'tls', trace: dp.record(t) };
    }
    if (!x.insecure) {
      const problem = verifyProblem(cert);
      t.why = cert.fake
        ? `The Ingress controller presented its default "Kubernetes Ingress Controller Fake Certificate" (no TLS Secret covers ${x.host}); no CA vouches for it. curl -k skips the check.`
        : `The certificate from Secret ${cert.secret?.namespace}/${cert.secret?.name} is not signed by a CA curl trusts (${problem.text}). curl -k skips the check; --resolve keeps the name.`;
      return { kind: 'untrusted', trace: dp.record(t), tls: cert, problem };
    }
    const r = network.answer(t, { ...x.request, tls: true });
    if (r.response) return { kind: 'response', trace: r.trace, response: r.response, localPort: 0, tls: cert, alpn: SERVER_ALPN };
    return { kind: 'empty', trace: r.trace };
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
      return trace.result.accepted ? { kind: 'empty', trace } : { kind: 'refused', trace };
    case 'unreachable':
      return { kind: 'unreachable', trace };
    default:
      return { kind: 'timeout', trace };
  }
}

