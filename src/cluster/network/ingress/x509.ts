// Just enough X.509 to serve a kubernetes.io/tls Secret the way ingress-nginx does: the first
// certificate of tls.crt, its subject and issuer, validity and DNS names (subjectAltName), so the
// controller can check the certificate covers a host (Go's VerifyHostname) and curl -v can show it.

export interface CertInfo {
  /** As curl (OpenSSL) prints it: `CN=foo.example; O=Acme`. */
  subject: string;
  issuer: string;
  /** Subject and issuer are the same name (no CA signed it). */
  selfSigned: boolean;
  /** subjectAltName DNS names (Go ignores the CN for host checks since 1.15). */
  dnsNames: string[];
  notBefore: number;
  notAfter: number;
}

interface Tlv {
  tag: number;
  start: number; // content start
  end: number; // content end
}

function tlv(b: Uint8Array, off: number): Tlv {
  const tag = b[off];
  let len = b[off + 1];
  let start = off + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n < 1 || n > 4) throw new Error('bad DER length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[start + i];
    start += n;
  }
  const end = start + len;
  if (end > b.length) throw new Error('truncated DER');
  return { tag, start, end };
}

function children(b: Uint8Array, t: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let off = t.start; off < t.end; ) {
    const c = tlv(b, off);
    out.push(c);
    off = c.end;
  }
  return out;
}

function oid(b: Uint8Array, t: Tlv): string {
  const bytes = b.subarray(t.start, t.end);
  const parts = [Math.floor(bytes[0] / 40), bytes[0] % 40];
  let v = 0;
  for (let i = 1; i < bytes.length; i++) {
    v = v * 128 + (bytes[i] & 0x7f);
    if (!(bytes[i] & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

const text = (b: Uint8Array, t: Tlv) => new TextDecoder().decode(b.subarray(t.start, t.end));

const ATTRS: Record<string, string> = { '2.5.4.3': 'CN', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST', '2.5.4.10': 'O', '2.5.4.11': 'OU', '1.2.840.113549.1.9.1': 'emailAddress' };

/** A Name in OpenSSL's one-line form as curl prints it (RFC 2253 order reversed: as encoded). */
function name(b: Uint8Array, t: Tlv): string {
  const parts: string[] = [];
  for (const set of children(b, t))
    for (const atv of children(b, set)) {
      const [k, v] = children(b, atv);
      const id = oid(b, k);
      parts.push(`${ATTRS[id] ?? id}=${text(b, v)}`);
    }
  return parts.join('; ');
}

function time(b: Uint8Array, t: Tlv): number {
  const s = text(b, t);
  const m = t.tag === 0x17 ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s) : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) return NaN;
  let y = Number(m[1]);
  if (t.tag === 0x17) y += y < 50 ? 2000 : 1900;
  return Date.UTC(y, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

/** The DER of the first CERTIFICATE block of a PEM bundle. */
export function pemToDer(pem: string): Uint8Array | undefined {
  const m = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem);
  if (!m) return undefined;
  try {
    const bin = atob(m[1].replace(/\s+/g, ''));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** Parse a PEM certificate; undefined when it is not one (ingress-nginx then rejects the Secret). */
export function parseCertificate(pem: string): CertInfo | undefined {
  const b = pemToDer(pem);
  if (!b) return undefined;
  try {
    const cert = tlv(b, 0);
    const tbs = children(b, cert)[0];
    const f = children(b, tbs);
    let i = f[0].tag === 0xa0 ? 1 : 0; // explicit version
    i += 2; // serialNumber, signature algorithm
    const issuerT = f[i++];
    const [nb, na] = children(b, f[i++]);
    const subjectT = f[i++];
    const dnsNames: string[] = [];
    const ext = f.find((x) => x.tag === 0xa3);
    if (ext)
      for (const e of children(b, children(b, ext)[0])) {
        const parts = children(b, e);
        if (oid(b, parts[0]) !== '2.5.29.17') continue;
        const value = parts[parts.length - 1];
        for (const gn of children(b, tlv(b, value.start))) if (gn.tag === 0x82) dnsNames.push(text(b, gn));
      }
    const raw = (t: Tlv) => Array.from(b.subarray(t.start, t.end)).join(',');
    return {
      subject: name(b, subjectT),
      issuer: name(b, issuerT),
      selfSigned: raw(subjectT) === raw(issuerT),
      dnsNames,
      notBefore: time(b, nb),
      notAfter: time(b, na),
    };
  } catch {
    return undefined;
  }
}

/** Go's x509 VerifyHostname for DNS names: exact, or a `*.` wildcard covering one left label. */
export function coversHost(dnsNames: string[], host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return dnsNames.some((n) => {
    const p = n.toLowerCase();
    if (p === h) return true;
    if (!p.startsWith('*.')) return false;
    const dot = h.indexOf('.');
    return dot > 0 && h.slice(dot) === p.slice(1);
  });
}
