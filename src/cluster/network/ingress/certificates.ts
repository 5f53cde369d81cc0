// Which certificate the controller presents for a server name (SNI): the certificate of the
// kubernetes.io/tls Secret configured for that host, or ingress-nginx's self-signed default,
// "Kubernetes Ingress Controller Fake Certificate" (internal/net/ssl/ssl.go GetFakeSSLCert), made
// when the controller starts and valid for 365 days.

import type { KObject } from '../../apiserver/types.ts';
import { parseTimestamp } from '../../apiserver/meta.ts';
import type { ClusterView } from '../view.ts';
import { coversHost, parseCertificate, type CertInfo } from './x509.ts';

/** What a TLS client learns from the handshake (curl -v prints it; -k decides whether it matters). */
export interface TlsInfo {
  /** `CN=foo.example; O=Acme`, as curl (OpenSSL) prints names. */
  subject: string;
  issuer: string;
  /** No CA signed it: curl without -k fails with `SSL certificate problem: self-signed certificate`. */
  selfSigned: boolean;
  /** DNS names the certificate is valid for (subjectAltName). */
  hosts: string[];
  notBefore: number;
  notAfter: number;
  /** ingress-nginx's default certificate (no Secret served this name). */
  fake: boolean;
  /** The Secret it came from. */
  secret?: { namespace: string; name: string };
}

export const FAKE_CN = 'Kubernetes Ingress Controller Fake Certificate';
const FAKE_NAME = `O=Acme Co; CN=${FAKE_CN}`;
const YEAR_MS = 365 * 24 * 3600_000;

export function fakeCertificate(controllerPod: KObject | undefined): TlsInfo {
  const started = parseTimestamp(controllerPod?.status?.startTime ?? '') ?? 0;
  return { subject: FAKE_NAME, issuer: FAKE_NAME, selfSigned: true, hosts: ['ingress.local'], notBefore: started, notAfter: started + YEAR_MS, fake: true };
}

/** The certificate of a TLS Secret (tls.crt and tls.key present, tls.crt a PEM certificate). */
export function secretCertificate(view: ClusterView, namespace: string, name: string): CertInfo | undefined {
  const s = view.secret(namespace, name);
  const crt = s?.data?.['tls.crt'];
  if (!crt || !s?.data?.['tls.key']) return undefined;
  let pem: string;
  try {
    pem = atob(crt);
  } catch {
    return undefined;
  }
  return parseCertificate(pem);
}

export function secretCovers(view: ClusterView, namespace: string, name: string, host: string): boolean {
  const c = secretCertificate(view, namespace, name);
  return !!c && coversHost(c.dnsNames, host);
}

export function toTlsInfo(c: CertInfo, secret: { namespace: string; name: string }): TlsInfo {
  return { subject: c.subject, issuer: c.issuer, selfSigned: c.selfSigned, hosts: c.dnsNames, notBefore: c.notBefore, notAfter: c.notAfter, fake: false, secret };
}
