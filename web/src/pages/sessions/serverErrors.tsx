// How a refused session mutation reads on the trainer's screens: field reasons go next to their
// fields (the form asks `reasonsFor`), and everything else is said here: FAILED_PRECONDITION with
// each unmet rule, CONFLICT as "someone else changed this session" with a reload, anything else
// with the request id to quote.
import { Alert, Button, List } from '@mantine/core';
import type { CombinedError } from 'urql';
import { ErrorAlert } from '../../components/Status';
import { errorCode, errorMessages, fieldProblems, type FieldProblem } from '../../graphql';

export interface UnmetRule {
  rule: string;
  reason: string;
}

/** FAILED_PRECONDITION's unmet rules, as the API lists them in `extensions.unmet`. */
export function unmetRules(error: CombinedError | undefined): UnmetRule[] {
  const rules: UnmetRule[] = [];
  for (const e of error?.graphQLErrors ?? []) {
    if (e.extensions?.['code'] !== 'FAILED_PRECONDITION') continue;
    const unmet = e.extensions['unmet'];
    if (!Array.isArray(unmet)) continue;
    for (const u of unmet as unknown[]) {
      if (typeof u !== 'object' || u === null) continue;
      const { rule, reason } = u as Record<string, unknown>;
      if (typeof rule === 'string' && typeof reason === 'string') rules.push({ rule, reason });
    }
  }
  return rules;
}

const matches = (p: FieldProblem, field: string) => p.field === field || p.field.startsWith(`${field}.`);

/** Field reasons of a BAD_USER_INPUT (without `input.`), looked up by field path. */
export function fieldReasons(error: CombinedError | undefined) {
  const problems = fieldProblems(error);
  return {
    problems,
    /** The reasons for exactly these fields, joined for a Mantine `error` prop; undefined when none. */
    exactly(...fields: string[]): string | undefined {
      const reasons = problems.filter((p) => fields.includes(p.field)).map((p) => p.reason);
      return reasons.length ? [...new Set(reasons)].join('; ') : undefined;
    },
    /** The reasons for a field and its sub-fields. */
    reasonsFor(...fields: string[]): string | undefined {
      const reasons = problems.filter((p) => fields.some((f) => matches(p, f))).map((p) => p.reason);
      return reasons.length ? [...new Set(reasons)].join('; ') : undefined;
    },
    /** Problems about fields the form does not show, so they are not lost. */
    unplaced(known: readonly string[]): FieldProblem[] {
      return problems.filter((p) => !known.some((f) => matches(p, f)));
    },
  };
}

/**
 * The non-field part of a refused mutation. `placed` are the fields shown next to their inputs:
 * any other field reason is listed here.
 */
export function RefusalAlert({
  error,
  title,
  placed = [],
  onReload,
  testId,
}: {
  error: CombinedError | undefined;
  title: string;
  placed?: readonly string[];
  onReload?: () => void;
  testId?: string;
}) {
  if (!error) return null;
  const code = errorCode(error);
  if (code === 'CONFLICT') {
    return (
      <Alert color="yellow" title={title} role="alert" data-testid={testId}>
        <p>Someone else changed this session since you opened it; reload to see their change, then try again.</p>
        {onReload && (
          <Button variant="default" size="xs" onClick={onReload}>
            Reload the session
          </Button>
        )}
      </Alert>
    );
  }
  if (code === 'FAILED_PRECONDITION') {
    const unmet = unmetRules(error);
    return (
      <Alert color="red" title={title} role="alert" data-testid={testId}>
        <p>{errorMessages(error).join(' ')}</p>
        {unmet.length > 0 && (
          <List size="sm" data-testid={testId ? `${testId}-unmet` : undefined}>
            {unmet.map((u) => (
              <List.Item key={`${u.rule}:${u.reason}`}>{u.reason}</List.Item>
            ))}
          </List>
        )}
      </Alert>
    );
  }
  if (code === 'BAD_USER_INPUT') {
    const { problems, unplaced } = fieldReasons(error);
    const rest = unplaced(placed);
    if (problems.length === 0) return <ErrorAlert error={error} title={title} />;
    return (
      <Alert color="red" title={title} role="alert" data-testid={testId}>
        <p>Please correct the fields marked above.</p>
        {rest.length > 0 && (
          <List size="sm">
            {rest.map((p) => (
              <List.Item key={`${p.field}:${p.reason}`}>
                {p.field}: {p.reason}
              </List.Item>
            ))}
          </List>
        )}
      </Alert>
    );
  }
  return (
    <div data-testid={testId}>
      <ErrorAlert error={error} title={title} />
    </div>
  );
}
