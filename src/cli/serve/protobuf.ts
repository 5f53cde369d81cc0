// Decodes the Kubernetes protobuf encoding that kubectl's typed clients send (client-go ≥ 1.32
// defaults clientsets to application/vnd.kubernetes.protobuf: `kubectl create deployment`,
// `create configmap`, `create service …` all POST protobuf; there is no fallback to JSON on 415).
// The envelope is "k8s\0" + runtime.Unknown{typeMeta, raw}; raw is the kind's message, which we
// walk with the field numbers in schema/wire.ts and the field types in the schema description.
// Fields we do not model are skipped. Zero values follow Go's JSON: a non-pointer omitempty field
// that holds its zero value is left out, as kube-apiserver's JSON would.

import { definition, kindDefinition } from '../../cluster/apiserver/schema/index.ts';
import type { Definition, FieldType } from '../../cluster/apiserver/schema/types.ts';
import { wire, type WireField } from '../../cluster/apiserver/schema/wire.ts';
import { INT_OR_STRING, MICRO_TIME, QUANTITY, TIME } from '../../cluster/apiserver/schema/dsl.ts';

const MAGIC = [0x6b, 0x38, 0x73, 0x00]; // "k8s\0"

export function isKubernetesProtobuf(contentType: string): boolean {
  return contentType.split(';')[0].trim().toLowerCase() === 'application/vnd.kubernetes.protobuf';
}

/** The JSON object for a protobuf-encoded Kubernetes object; throws on what it cannot read. */
export function decodeKubernetesProtobuf(bytes: Uint8Array): Record<string, unknown> {
  if (!MAGIC.every((b, i) => bytes[i] === b)) throw new Error('protobuf body without the k8s envelope');
  const unknown = fields(bytes.subarray(4));
  const typeMeta = fields(bytesOf(unknown, 1) ?? new Uint8Array());
  const apiVersion = textOf(typeMeta, 1) ?? '';
  const kind = textOf(typeMeta, 2) ?? '';
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const def = kindDefinition(group, version, kind);
  if (!def) throw new Error(`no protobuf decoding for ${apiVersion}, Kind=${kind}`);
  return { apiVersion, kind, ...message(bytesOf(unknown, 2) ?? new Uint8Array(), def) };
}

// ---- the wire format: (field number, wire type) tags, varints, length-delimited bytes ----

interface RawField {
  n: number;
  varint?: bigint;
  bytes?: Uint8Array;
}

function fields(buf: Uint8Array): RawField[] {
  const out: RawField[] = [];
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (pos >= buf.length) throw new Error('truncated varint');
      const b = buf[pos++];
      result |= BigInt(b & 0x7f) << shift;
      if (!(b & 0x80)) return result;
      shift += 7n;
    }
  };
  while (pos < buf.length) {
    const tag = Number(varint());
    const n = tag >>> 3;
    switch (tag & 7) {
      case 0:
        out.push({ n, varint: varint() });
        break;
      case 2: {
        const len = Number(varint());
        out.push({ n, bytes: buf.subarray(pos, pos + len) });
        pos += len;
        break;
      }
      case 1:
        pos += 8; // fixed64: no Kubernetes field uses it
        break;
      case 5:
        pos += 4; // fixed32: idem
        break;
      default:
        throw new Error(`unsupported protobuf wire type ${tag & 7}`);
    }
  }
  return out;
}

const decoder = new TextDecoder();
const bytesOf = (fs: RawField[], n: number) => fs.find((f) => f.n === n)?.bytes;
const textOf = (fs: RawField[], n: number) => {
  const b = bytesOf(fs, n);
  return b ? decoder.decode(b) : undefined;
};
const signed64 = (v: bigint) => Number(BigInt.asIntN(64, v));
const signed32 = (v: bigint) => Number(BigInt.asIntN(32, v));

// ---- schema-driven decoding ----

function message(buf: Uint8Array, def: Definition, wireName = def.name): Record<string, unknown> {
  const layout = new Map<number, WireField>((wire[wireName] ?? []).map((w) => [w.n, w]));
  const obj: Record<string, unknown> = {};
  for (const f of fields(buf)) {
    const w = layout.get(f.n);
    if (!w) continue;
    if (w.inline) {
      // An embedded struct is its own message on the wire and flat in JSON.
      Object.assign(obj, message(f.bytes ?? new Uint8Array(), def, w.inline));
      continue;
    }
    const field = def.properties?.[w.json];
    if (!field) continue;
    const t = field.type;
    if ('array' in t) {
      const list = (obj[w.json] as unknown[] | undefined) ?? [];
      list.push(...repeated(f, t.array));
      obj[w.json] = list;
    } else if ('map' in t) {
      const entry = fields(f.bytes ?? new Uint8Array());
      const map = (obj[w.json] as Record<string, unknown> | undefined) ?? {};
      const key = textOf(entry, 1) ?? '';
      const value = entry.find((e) => e.n === 2);
      map[key] = value ? single(value, t.map) : zeroOf(t.map);
      obj[w.json] = map;
    } else {
      const v = single(f, t);
      if (v === undefined || (!w.ptr && w.omit && isZero(v))) continue;
      obj[w.json] = v;
    }
  }
  return obj;
}

function repeated(f: RawField, item: FieldType): unknown[] {
  // Packed numeric lists arrive as one length-delimited field of varints.
  if ('scalar' in item && item.scalar !== 'string' && f.bytes) return fields(prefixVarints(f.bytes)).map((x) => single(x, item));
  return [single(f, item)];
}

// Turns a packed run of varints into (field 1, varint) pairs so fields() can read it.
function prefixVarints(buf: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < buf.length; i++) {
    if (i === 0 || !(buf[i - 1] & 0x80)) out.push(0x08);
    out.push(buf[i]);
  }
  return Uint8Array.from(out);
}

function single(f: RawField, t: FieldType): unknown {
  if ('scalar' in t) {
    if (t.scalar === 'string') {
      if (!f.bytes) return undefined;
      return t.format === 'byte' ? Buffer.from(f.bytes).toString('base64') : decoder.decode(f.bytes);
    }
    if (f.varint === undefined) return undefined;
    if (t.scalar === 'boolean') return f.varint !== 0n;
    return t.format === 'int32' ? signed32(f.varint) : signed64(f.varint);
  }
  if ('ref' in t) {
    const buf = f.bytes ?? new Uint8Array();
    return SPECIAL.has(t.ref) ? special(t.ref, buf) : message(buf, definition(t.ref)!);
  }
  return undefined;
}

const SPECIAL = new Set([TIME, MICRO_TIME, INT_OR_STRING, QUANTITY]);

/** The types whose protobuf shape differs from their JSON shape (undefined: leave the field out). */
function special(name: string, buf: Uint8Array): unknown {
  if (name === TIME || name === MICRO_TIME) {
    const fs = fields(buf);
    const seconds = signed64(fs.find((f) => f.n === 1)?.varint ?? 0n);
    const nanos = signed32(fs.find((f) => f.n === 2)?.varint ?? 0n);
    // The zero time.Time (year 1) marshals as seconds -62135596800: JSON null, left out here.
    if (seconds === -62135596800 || (seconds === 0 && nanos === 0 && !fs.length)) return undefined;
    const iso = new Date(seconds * 1000).toISOString();
    return name === TIME ? iso.replace(/\.\d+Z$/, 'Z') : iso.replace(/\.\d+Z$/, '.' + String(Math.floor(nanos / 1000)).padStart(6, '0') + 'Z');
  }
  if (name === INT_OR_STRING) {
    const fs = fields(buf);
    const type = Number(fs.find((f) => f.n === 1)?.varint ?? 0n);
    return type === 1 ? (textOf(fs, 3) ?? '') : signed32(fs.find((f) => f.n === 2)?.varint ?? 0n);
  }
  if (name === QUANTITY) return textOf(fields(buf), 1) ?? '0';
  return undefined;
}

function isZero(v: unknown): boolean {
  return v === '' || v === 0 || v === false;
}

function zeroOf(t: FieldType): unknown {
  return 'scalar' in t ? (t.scalar === 'string' ? '' : t.scalar === 'boolean' ? false : 0) : {};
}
