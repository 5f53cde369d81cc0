// The building blocks against their Go originals' documented behaviour.
import { describe, expect, it } from 'vitest';
import { tabwrite } from './tabwriter.ts';
import { add, q, quantityString, qs } from './quantity.ts';
import { camelcaseSplit, smartLabelFor } from './generic.ts';
import { rfc1123z, since } from './time.ts';
import { tabbedString } from './prefix-writer.ts';
import { printAnnotationsMultiline } from './maps.ts';

describe('tabwriter (Go text/tabwriter, minwidth 0, padding 2)', () => {
  it('pads each column of a block to its widest cell + 2; the last cell is never padded', () => {
    expect(tabwrite('a\tb\tc\naaa\tbbbb\tc\n')).toBe('a    b     c\naaa  bbbb  c\n');
  });
  it('a line with fewer cells ends the block of the columns it lacks', () => {
    expect(tabwrite('Name:\tx\nContainers:\n  c:\n    Image:\ty\n')).toBe('Name:  x\nContainers:\n  c:\n    Image:  y\n');
  });
  it('nested blocks: column 2 aligns only over the lines that have it', () => {
    expect(tabwrite('a\tb\tc\naa\tb\nx\tbbb\tc\n')).toBe('a   b  c\naa  b\nx   bbb  c\n');
  });
  it('counts runes, not bytes', () => {
    expect(tabwrite('é\tx\nab\tx\n')).toBe('é   x\nab  x\n');
  });
});

describe('Quantity.String() canonical forms (apimachinery quantity_test.go)', () => {
  it.each([
    ['100m', '100m'],
    ['0.1', '100m'],
    ['1000m', '1'],
    ['1.5', '1500m'],
    ['128Mi', '128Mi'],
    ['1.5Gi', '1536Mi'],
    ['1024', '1024'],
    ['1Ki', '1Ki'],
    ['1000Ki', '1000Ki'],
    ['2000k', '2M'],
    ['1e3', '1e3'],
    ['0', '0'],
    ['500Mi', '500Mi'],
    ['0.5Ki', '512'],
  ])('%s → %s', (input, want) => {
    expect(qs(input)).toBe(want);
  });
  it('Add keeps the receiver format; a zero receiver takes the other one', () => {
    expect(quantityString(add(q('64Mi'), q('128Mi')))).toBe('192Mi');
    expect(quantityString(add(q('100m'), q('250m')))).toBe('350m');
    expect(quantityString(add(q(undefined), q('1Gi')))).toBe('1Gi');
  });
});

describe('smartLabelFor (fatih/camelcase + acronyms)', () => {
  it('splits camelCase and upper-cases known acronyms', () => {
    expect(smartLabelFor('creationTimestamp')).toBe('Creation Timestamp');
    expect(smartLabelFor('apiVersion')).toBe('API Version');
    expect(smartLabelFor('uid')).toBe('UID');
    expect(smartLabelFor('podCIDR')).toBe('Pod CIDR');
    expect(smartLabelFor('port8080')).toBe('port8080');
    expect(camelcaseSplit('PDFLoader')).toEqual(['PDF', 'Loader']);
  });
});

describe('time formats', () => {
  it('RFC1123Z in UTC, and Go zero time when unset', () => {
    expect(rfc1123z('2026-06-07T08:12:29Z')).toBe('Sun, 07 Jun 2026 08:12:29 +0000');
    expect(rfc1123z(undefined)).toBe('Mon, 01 Jan 0001 00:00:00 +0000');
  });
  it('ages via HumanDuration; unset is <unknown>', () => {
    const now = Date.parse('2026-01-01T00:10:00Z');
    expect(since('2026-01-01T00:06:50Z', now)).toBe('3m10s');
    expect(since(undefined, now)).toBe('<unknown>');
  });
});

describe('printAnnotationsMultiline', () => {
  it('hides last-applied-configuration and wraps long values under their key', () => {
    const long = 'x'.repeat(150);
    const out = tabbedString((w) =>
      printAnnotationsMultiline(w, 'Annotations', {
        'kubectl.kubernetes.io/last-applied-configuration': '{}',
        b: long,
        a: 'short',
      }),
    );
    expect(out).toBe(`Annotations:  a: short\n              b:\n                ${'x'.repeat(138)}...\n`);
  });
});
