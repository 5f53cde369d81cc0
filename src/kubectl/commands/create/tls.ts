// The PEM-level checks of Go's tls.X509KeyPair (crypto/tls/tls.go), with its messages. The DER
// inside is not parsed: a well-formed PEM pair is accepted, so a mismatched key and certificate
// ("tls: private key does not match public key") is not detected here.

import { CmdError } from '../../errors.ts';

interface PemBlock {
  type: string;
  body: string;
}

/** encoding/pem.Decode, repeatedly: every well-formed block in the input. */
export function pemBlocks(input: string): PemBlock[] {
  const out: PemBlock[] = [];
  const re = /-----BEGIN ([^\n-]*)-----\r?\n([\s\S]*?)-----END \1-----/g;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    const lines = m[2].split(/\r?\n/).filter((l) => l.trim() !== '' && !l.includes(':'));
    const body = lines.join('');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body)) continue; // pem.Decode skips blocks whose base64 is bad
    out.push({ type: m[1], body });
  }
  return out;
}

export function checkKeyPair(cert: string, key: string): void {
  const certBlocks = pemBlocks(cert);
  const skipped: string[] = [];
  let foundCert = false;
  for (const b of certBlocks) {
    if (b.type === 'CERTIFICATE') foundCert = true;
    else skipped.push(b.type);
  }
  if (!foundCert) {
    if (skipped.length === 0) fail('tls: failed to find any PEM data in certificate input');
    if (skipped.length === 1 && skipped[0].endsWith('PRIVATE KEY'))
      fail('tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched');
    fail(`tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [${skipped.join(' ')}]`);
  }
  const keyBlocks = pemBlocks(key);
  const skippedKey: string[] = [];
  for (const b of keyBlocks) {
    if (b.type === 'PRIVATE KEY' || b.type.endsWith(' PRIVATE KEY')) return;
    skippedKey.push(b.type);
  }
  if (skippedKey.length === 0) fail('tls: failed to find any PEM data in key input');
  if (skippedKey.length === 1 && skippedKey[0] === 'CERTIFICATE')
    fail('tls: found a certificate rather than a key in the PEM for the private key');
  fail(`tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [${skippedKey.join(' ')}]`);
}

function fail(msg: string): never {
  throw new CmdError(msg);
}
