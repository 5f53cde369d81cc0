import type { Program } from '../program.ts';

/** test / [ : strings, integers (-eq …), files (-e -f -d -s), !, -a, -o. */
export const test: Program = async (ctx) => {
  const name = ctx.argv[0];
  let args = ctx.argv.slice(1);
  if (name === '[') {
    if (args[args.length - 1] !== ']') {
      ctx.stderr.write("bash: [: missing `]'\n");
      return 2;
    }
    args = args.slice(0, -1);
  }
  let i = 0;
  const error = (msg: string): never => {
    throw new TestError(`bash: ${name}: ${msg}`);
  };
  const int = (s: string): number => {
    if (!/^\s*[-+]?\d+\s*$/.test(s)) error(`${s}: integer expression expected`);
    return Number(s);
  };
  const primary = (): boolean => {
    const a = args[i];
    if (a === undefined) return false;
    if (a === '!') {
      i++;
      return !primary();
    }
    if (a === '(') {
      i++;
      const v = orExpr();
      if (args[i++] !== ')') error("`)' expected");
      return v;
    }
    const op = args[i + 1];
    if (op !== undefined && ['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge'].includes(op) && args[i + 2] !== undefined) {
      const b = args[i + 2];
      i += 3;
      switch (op) {
        case '=': case '==': return a === b;
        case '!=': return a !== b;
        case '<': return a < b;
        case '>': return a > b;
        case '-eq': return int(a) === int(b);
        case '-ne': return int(a) !== int(b);
        case '-lt': return int(a) < int(b);
        case '-le': return int(a) <= int(b);
        case '-gt': return int(a) > int(b);
        default: return int(a) >= int(b);
      }
    }
    if (/^-[a-zA-Z]$/.test(a) && op !== undefined) {
      i += 2;
      switch (a) {
        case '-z': return op === '';
        case '-n': return op !== '';
        case '-e': return ctx.fs.exists(op);
        case '-f': return ctx.fs.isFile(op);
        case '-d': return ctx.fs.isDir(op);
        case '-s': return ctx.fs.isFile(op) && ctx.fs.readFile(op).length > 0;
        case '-r': case '-w': return ctx.fs.exists(op);
        case '-x': return ctx.fs.isDir(op);
        default: return error(`${a}: unary operator expected`);
      }
    }
    i++;
    return a !== '';
  };
  const andExpr = (): boolean => {
    let v = primary();
    while (args[i] === '-a') {
      i++;
      v = primary() && v;
    }
    return v;
  };
  const orExpr = (): boolean => {
    let v = andExpr();
    while (args[i] === '-o') {
      i++;
      v = andExpr() || v;
    }
    return v;
  };
  try {
    const v = orExpr();
    if (i < args.length) error(args.length - i === 1 || i === 0 ? `${args[i]}: unary operator expected` : 'too many arguments');
    return v ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) {
      ctx.stderr.write(e.message + '\n');
      return 2;
    }
    throw e;
  }
};

class TestError extends Error {}
