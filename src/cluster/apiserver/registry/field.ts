// The field-error toolkit registries validate with: apimachinery's field package
// (validation/field.ts), whose FieldError is the FieldErr strategies return.

import type { FieldError } from '../validation/field.ts';

/** Kept so registries read the same whether or not FieldErr and FieldError ever diverge again. */
export function toFieldErrs(errs: FieldError[]): FieldError[] {
  return errs;
}

export {
  FieldPath,
  required,
  invalid,
  duplicate,
  forbidden,
  notSupported,
  tooLong,
  tooMany,
  type ErrorList,
  type FieldError,
} from '../validation/field.ts';
