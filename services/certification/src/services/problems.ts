// Collects every problem with an input before anything is written, so one BAD_USER_INPUT names
// each field path (`input.references.1.yearsKnown`) and why.
import { badInput, isIsoDate, type FieldProblem } from '@cpss/server-kit';

export class Problems {
  readonly list: FieldProblem[] = [];

  constructor(private readonly prefix = 'input') {}

  add(field: string, reason: string): void {
    this.list.push({ field: this.prefix ? `${this.prefix}.${field}` : field, reason });
  }

  /** Records `reason` when `ok` is false; returns ok. */
  check(ok: boolean, field: string, reason: string): boolean {
    if (!ok) this.add(field, reason);
    return ok;
  }

  text(value: string | null | undefined, field: string, opts: { max: number; required?: boolean }): void {
    if (value === null || value === undefined) {
      if (opts.required) this.add(field, 'is required');
      return;
    }
    if (opts.required && value.trim().length === 0) this.add(field, 'must not be empty');
    if (value.length > opts.max) this.add(field, `must be at most ${opts.max} characters`);
  }

  date(value: string | null | undefined, field: string, opts: { notAfter?: string } = {}): void {
    if (value === null || value === undefined) return;
    if (!isIsoDate(value)) this.add(field, 'must be a date as YYYY-MM-DD');
    else if (opts.notAfter && value > opts.notAfter) this.add(field, `must not be after ${opts.notAfter}`);
  }

  throwIfAny(): void {
    if (this.list.length) throw badInput(this.list);
  }
}
