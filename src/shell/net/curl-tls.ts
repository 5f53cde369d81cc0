// What curl 8.14.1 (OpenSSL 3, as in nicolaka/netshoot's Alpine) prints with -v about a TLS 1.3
// handshake: the message callback's lines (lib/vtls/openssl.c ossl_trace: "%s (%s), %s, %s (%d):"),
// each followed by tool_cb_dbg.c's "[N bytes data]" unless stdout is a terminal, the CA bundle
// after the ClientHello (only when verifying), and servercert()'s certificate block. Byte counts
// are typical sizes for these messages, not computed.

import type { TlsInfo } from '../../cluster/network/ingress/certificates.ts';
import type { VerifyProblem } from './exchange.ts';

/** src/tool_operate.c CURL_CA_CERT_ERRORMSG, printed after `curl: (60) …`. */
export const CA_CERT_ERRORMSG =
  'More details here: https://curl.se/docs/sslcerts.html\n\n' +
  'curl failed to verify the legitimacy of the server and therefore could not\n' +
  'establish a secure connection to it. To learn more about this situation and\n' +
  'how to fix it, please visit the webpage mentioned above.\n';

/** Alpine's curl: --with-ca-bundle and --with-ca-path. */
const CA_FILE = '/etc/ssl/certs/ca-certificates.crt';
const CA_PATH = '/etc/ssl/certs';

export interface TlsTracer {
  /** An infof line (written as `* line`). */
  info(line: string): void;
  /** SSL data in ({) or out (}). */
  data(dir: '{' | '}', bytes: number): void;
}

function msg(t: TlsTracer, dir: 'IN' | 'OUT', type: string, name: string, code: number, bytes: number): void {
  t.info(`TLSv1.3 (${dir}), ${type}, ${name} (${code}):`);
  t.data(dir === 'IN' ? '{' : '}', bytes);
}

/** Up to the ClientHello on the wire (and the trust store loaded right after it). */
export function clientHello(t: TlsTracer, verify: boolean): void {
  t.info('ALPN: curl offers h2,http/1.1');
  t.data('}', 5);
  msg(t, 'OUT', 'TLS handshake', 'Client hello', 1, 512);
  if (verify) {
    t.info(` CAfile: ${CA_FILE}`);
    t.info(` CApath: ${CA_PATH}`);
  }
}

/** The server's first flight up to its Certificate message. */
export function serverHello(t: TlsTracer, cert: TlsInfo): void {
  t.data('{', 5);
  msg(t, 'IN', 'TLS handshake', 'Server hello', 2, 122);
  msg(t, 'IN', 'TLS handshake', 'Encrypted Extensions', 8, 21);
  msg(t, 'IN', 'TLS handshake', 'Certificate', 11, cert.fake ? 1001 : 950);
}

/** Verification failed inside SSL_connect: OpenSSL sends unknown_ca (fatal 2 << 8 | 48). */
export function rejectCertificate(t: TlsTracer): void {
  msg(t, 'OUT', 'TLS alert', 'unknown CA', 560, 2);
}

/** ASN1_TIME_print: `Nov 26 02:57:05 2026 GMT`. */
export function asn1Time(ms: number): string {
  const d = new Date(ms);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${mon} ${String(d.getUTCDate()).padStart(2)} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()} GMT`;
}

/**
 * The rest of a handshake curl goes on with (-k): the server's CertificateVerify and Finished,
 * the client's, then step 2's summary and step 3's certificate block with the verify result it
 * ignores (openssl.c servercert, infof_certstack).
 */
export function finishHandshake(t: TlsTracer, cert: TlsInfo, alpn: 'h2' | 'http/1.1', problem: VerifyProblem): void {
  msg(t, 'IN', 'TLS handshake', 'CERT verify', 15, 264);
  msg(t, 'IN', 'TLS handshake', 'Finished', 20, 52);
  msg(t, 'OUT', 'TLS change cipher', 'Change cipher spec', 1, 1);
  msg(t, 'OUT', 'TLS handshake', 'Finished', 20, 52);
  // An RSA key signs TLS 1.3's CertificateVerify with RSA-PSS. (The key type of a Secret's
  // certificate is not parsed; the docs' `openssl req -newkey rsa:2048` makes RSA ones.)
  t.info('SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / x25519 / RSASSA-PSS');
  t.info(`ALPN: server accepted ${alpn}`);
  t.info('Server certificate:');
  t.info(` subject: ${cert.subject}`);
  t.info(` start date: ${asn1Time(cert.notBefore)}`);
  t.info(` expire date: ${asn1Time(cert.notAfter)}`);
  t.info(` issuer: ${cert.issuer}`);
  t.info(` SSL certificate verify result: ${problem.text} (${problem.code}), continuing anyway.`);
  // ingress-nginx's fake certificate: rsa.GenerateKey(2048), x509 default SHA256WithRSA (ssl.go).
  if (cert.fake) t.info('  Certificate level 0: Public key type RSA (2048/112 Bits/secBits), signed using sha256WithRSAEncryption');
}

/** TLS 1.3 session tickets arrive once the request is out (OpenSSL servers send two). */
export function sessionTickets(t: TlsTracer): void {
  for (let i = 0; i < 2; i++) msg(t, 'IN', 'TLS handshake', 'Newsession Ticket', 4, 249);
}
