// `check: shell` — a script run in a hidden shell on the learner's machine; exit status 0 passes.
// For what the other kinds cannot say; its output becomes the why.
import * as v from 'valibot';
import { defineCheck, fail, pass } from './types.ts';

export default defineCheck({
  name: 'shell',
  schema: v.strictObject({ script: v.string(), says: v.optional(v.string()) }),
  title: (p) => p.says ?? `\`${p.script.split('\n')[0]}\` succeeds`,
  async evaluate(p, ctx) {
    const r = await ctx.shell(p.script);
    const out = r.output.trim().split('\n').slice(-3).join(' ').slice(0, 300);
    return r.status === 0 ? pass(out || 'The script succeeded.') : fail(out || `The script exited with status ${r.status}.`);
  },
});
