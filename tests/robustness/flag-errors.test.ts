// Malformed kubectl invocations from a seeded generator, answered as real kubectl 1.34 answers
// them (recorded by testdata/record.mjs: flag syntax, unknown flags, bad values, missing values,
// unicode dashes). Our hint lines are extra and not compared.

import { beforeAll, describe, expect, it } from 'vitest';
import cases from './testdata/flag-errors.json' with { type: 'json' };
import { world, type World } from './harness.ts';

/** Known differences, each with its reason (reported; fix in the command, then drop the entry). */
const KNOWN: Record<string, string> = {
  // kubectl validates --request-timeout when apply's Complete builds its client, before -f/-k.
  'apply --request-timeout=true': 'apply checks -f/-k first',
  'apply --request-timeout=1.5': 'apply checks -f/-k first',
  // set image's Complete reads -f before it checks the arguments.
  'set image deploy/web -f==': 'set image checks args before reading -f',
};

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const withoutHints = (s: string) => s.split('\n').filter((l) => !/^(\x1b\[2m)?hint: /.test(l)).join('\n');

describe('kubectl flag errors match real kubectl', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });
  const known = cases.filter((c) => KNOWN[c.argv.join(' ')]);
  it.skip.each(known.map((c) => [c.argv.join(' ')]))('kubectl %s (known difference)', () => {});
  it.each(cases.filter((c) => !KNOWN[c.argv.join(' ')]).map((c) => [c.argv.join(' '), c] as const))('kubectl %s', async (_, c) => {
    const r = await w.run(`kubectl ${c.argv.map(quote).join(' ')}`);
    expect(withoutHints(r.output)).toBe(c.output);
    expect(r.status).toBe(c.code);
  });
});
