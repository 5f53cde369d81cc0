// `$(( … ))`: integer arithmetic with bash's operators, enough for loop counters.

export class ArithError extends Error {}

const TOKEN = /\s*(\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<=|>=|==|!=|&&|\|\||<<|>>|[-+*/%()<>!~&|^])/y;

/**
 * How deep variables may refer to expressions (`x='x+1'`). bash's MAX_EXPR_RECURSION_LEVEL is 1024,
 * but each level here costs a dozen stack frames; 200 keeps well inside a worker's stack, and a
 * self-referring variable meets it all the same, with bash's message.
 */
const MAX_RECURSION = 200;

export function evaluateArith(expr: string, lookup: (name: string) => string | undefined, level = 0): number {
  const recursion = () => new ArithError(`${expr.trim()}: expression recursion level exceeded (error token is "${expr.trim()}")`);
  if (level > MAX_RECURSION) throw recursion();
  try {
    return evaluate(expr, lookup, level);
  } catch (e) {
    // bash nests parentheses without limit; this recursive-descent evaluator runs out of stack first.
    if (e instanceof RangeError && level === 0) throw recursion();
    throw e;
  }
}

function evaluate(expr: string, lookup: (name: string) => string | undefined, level: number): number {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < expr.length) {
    if (/^\s*$/.test(expr.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(expr);
    if (!m) throw new ArithError(`${expr.trim()}: syntax error: invalid arithmetic operator (error token is "${expr.slice(pos).trim()}")`);
    tokens.push(m[1]);
    pos = TOKEN.lastIndex;
  }
  let i = 0;
  const peek = () => tokens[i];
  const fail = (): never => {
    const rest = tokens.slice(i).join(' ');
    throw new ArithError(`${expr.trim()}: syntax error: operand expected (error token is "${rest}")`);
  };
  const value = (name: string, depth = 0): number => {
    const v = lookup(name)?.trim() ?? '';
    if (v === '') return 0;
    if (/^-?\d+$/.test(v)) return Number(v);
    if (depth < 10 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(v)) return value(v, depth + 1);
    return evaluateArith(v, lookup, level + 1);
  };
  const levels: string[][] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '>', '<=', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];
  const apply = (op: string, a: number, b: number): number => {
    switch (op) {
      case '||': return a || b ? 1 : 0;
      case '&&': return a && b ? 1 : 0;
      case '|': return a | b;
      case '^': return a ^ b;
      case '&': return a & b;
      case '==': return a === b ? 1 : 0;
      case '!=': return a !== b ? 1 : 0;
      case '<': return a < b ? 1 : 0;
      case '>': return a > b ? 1 : 0;
      case '<=': return a <= b ? 1 : 0;
      case '>=': return a >= b ? 1 : 0;
      case '<<': return a << b;
      case '>>': return a >> b;
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '**': return a ** b;
      default:
        if (b === 0) throw new ArithError(`${expr.trim()}: division by 0 (error token is "${tokens[i - 1] ?? ''}")`);
        return op === '/' ? Math.trunc(a / b) : a % b;
    }
  };
  const binary = (level: number): number => {
    if (level === levels.length) return power();
    let left = binary(level + 1);
    while (levels[level].includes(peek())) {
      const op = tokens[i++];
      left = apply(op, left, binary(level + 1));
    }
    return left;
  };
  const power = (): number => {
    const base = unary();
    if (peek() === '**') {
      i++;
      return apply('**', base, power());
    }
    return base;
  };
  const unary = (): number => {
    const t = peek();
    if (t === '-') return i++, -unary();
    if (t === '+') return i++, unary();
    if (t === '!') return i++, unary() ? 0 : 1;
    if (t === '~') return i++, ~unary();
    if (t === '(') {
      i++;
      const v = binary(0);
      if (tokens[i++] !== ')') fail();
      return v;
    }
    if (t === undefined) return fail();
    i++;
    if (/^\d+$/.test(t)) return Number(t);
    if (/^[A-Za-z_]/.test(t)) return value(t);
    i--;
    return fail();
  };
  if (tokens.length === 0) return 0;
  const result = binary(0);
  if (i < tokens.length) fail();
  return Math.trunc(result);
}
