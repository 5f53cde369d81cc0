// `check: command` — the learner ran a command ("the learner ran `kubectl port-forward`"). The
// pattern is a regular expression searched in each line of the command log.
import * as v from 'valibot';
import { defineCheck, fail, pass } from './types.ts';

export default defineCheck({
  name: 'command',
  schema: v.strictObject({
    pattern: v.pipe(v.string(), v.check((s) => { try { new RegExp(s); return true; } catch { return false; } }, 'not a valid regular expression')),
    terminal: v.optional(v.union([v.string(), v.number()])),
    /** What to call the command in messages (default: the pattern). */
    says: v.optional(v.string()),
  }),
  title: (p) => `You ran ${p.says ?? '`' + p.pattern + '`'}`,
  evaluate(p, ctx) {
    const re = new RegExp(p.pattern);
    const t = p.terminal === undefined ? undefined : String(p.terminal);
    const hit = ctx.commands.find((c) => (t === undefined || c.terminal === t) && re.test(c.line));
    if (hit) return pass(`You ran: ${hit.line}`);
    return fail(`Not yet: run ${p.says ?? 'the command'}${t ? ` in terminal ${t}` : ''}.`);
  },
});
