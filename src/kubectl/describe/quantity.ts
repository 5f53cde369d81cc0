// Models k8s.io/apimachinery/pkg/api/resource.Quantity far enough for describe: parse, add, compare,
// Value/MilliValue (rounded up, as ScaledValue does) and the canonical String() (`100m`, `128Mi`,
// `1536Mi` for 1.5Gi, `500m` for 0.5, `0`). Amounts are kept exactly as BigInt nano-units; a
// quantity finer than 1n is rounded up, as the real parser does.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent' | '';

export interface Quantity {
  nano: bigint;
  format: QuantityFormat;
}

const DEC_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BIN_SUFFIX: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DEC_BY_EXP = new Map(Object.entries(DEC_SUFFIX).map(([s, e]) => [e, s]));
const BIN_BY_EXP = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const NANO = 1_000_000_000n;

export const ZERO: Quantity = { nano: 0n, format: '' };

const pow = (b: bigint, e: number): bigint => b ** BigInt(e);
const ceilDiv = (a: bigint, b: bigint): bigint => (a >= 0n ? (a + b - 1n) / b : a / b);

/** resource.ParseQuantity; undefined when the text is not a quantity. */
export function parseQuantity(input: string | number | undefined | null): Quantity | undefined {
  if (input === undefined || input === null) return undefined;
  const m = /^([+-]?)(\d*)(?:\.(\d*))?([a-zA-Z]*|[eE][+-]?\d+)$/.exec(String(input).trim());
  if (!m || (m[2] === '' && !m[3])) return undefined;
  const [, sign, whole, frac = '', suffix] = m;
  // The number as an integer `digits` over 10^frac.length.
  const digits = BigInt((whole || '0') + frac);
  const denom = pow(10n, frac.length);
  let num: bigint;
  let den = denom;
  let format: QuantityFormat;
  if (suffix in BIN_SUFFIX) {
    format = 'BinarySI';
    num = digits * pow(1024n, BIN_SUFFIX[suffix]) * NANO;
  } else if (suffix in DEC_SUFFIX) {
    format = 'DecimalSI';
    const e = DEC_SUFFIX[suffix] + 9;
    num = digits * pow(10n, e);
  } else if (/^[eE]/.test(suffix)) {
    format = 'DecimalExponent';
    const e = Number(suffix.slice(1)) + 9;
    if (e >= 0) num = digits * pow(10n, e);
    else {
      num = digits;
      den = denom * pow(10n, -e);
    }
  } else return undefined;
  const nano = ceilDiv(num, den);
  return { nano: sign === '-' ? -nano : nano, format };
}

/** A quantity from a ResourceList value, zero when absent or unparsable. */
export function q(input: string | number | undefined | null): Quantity {
  return parseQuantity(input) ?? ZERO;
}

/** Quantity.Add: a zero receiver takes the other's format. */
export function add(a: Quantity, b: Quantity): Quantity {
  return { nano: a.nano + b.nano, format: a.nano === 0n ? b.format : a.format };
}

export function cmp(a: Quantity, b: Quantity): number {
  return a.nano < b.nano ? -1 : a.nano > b.nano ? 1 : 0;
}

/** Quantity.Value: whole units, rounded up. */
export function value(x: Quantity): number {
  return Number(ceilDiv(x.nano, NANO));
}

/** Quantity.MilliValue: thousandths, rounded up. */
export function milliValue(x: Quantity): number {
  return Number(ceilDiv(x.nano, 1_000_000n));
}

/** Quantity.String: the canonical form. */
export function quantityString(x: Quantity): string {
  if (x.nano === 0n) return '0';
  let format = x.format;
  if (format === 'BinarySI') {
    const inSmallRange = x.nano > -1024n * NANO && x.nano < 1024n * NANO;
    if (inSmallRange || x.nano % NANO !== 0n) format = 'DecimalSI';
    else {
      let amount = x.nano / NANO;
      let exp = 0;
      while (exp < 6 && amount % 1024n === 0n) {
        amount /= 1024n;
        exp++;
      }
      return `${amount}${BIN_BY_EXP[exp]}`;
    }
  }
  // Decimal: move factors of ten into the exponent, then lower it to a multiple of 3.
  let amount = x.nano;
  let exp = -9;
  while (amount % 10n === 0n) {
    amount /= 10n;
    exp++;
  }
  while (exp % 3 !== 0) {
    amount *= 10n;
    exp--;
  }
  if (format === 'DecimalExponent') return exp === 0 ? `${amount}` : `${amount}e${exp}`;
  const suffix = DEC_BY_EXP.get(exp);
  if (suffix !== undefined) return `${amount}${suffix}`;
  return `${amount * pow(10n, exp - 18)}E`;
}

/** Shorthand: canonical string of a ResourceList value. */
export function qs(input: string | number | undefined | null): string {
  return quantityString(q(input));
}
