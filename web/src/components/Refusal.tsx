// How a refused mutation reads on every screen: field reasons go next to their fields (the form asks
// `fieldReasons(error).reasonsFor(...)`), and everything else is said in RefusalAlert:
// FAILED_PRECONDITION with each unmet rule, CONFLICT as "someone else changed this …" with a reload,
// BAD_USER_INPUT reasons for fields the form does not show, anything else with the request id.
import { Alert, Button, List, Text } from '@mantine/core';
import type { CombinedError } from 'urql';
import { errorCode, errorMessages, errorRequestId, fieldProblems, type FieldProblem } from '../graphql';
import { ErrorAlert } from './Status';

// Plain hex, dark enough for AA on white and on their own light tints (Mantine's light variants
// use shade 6 for text, which is not).
const BAD = '#a61e1e';
const ATTENTION = '#862e9c';

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
const joined = (reasons: string[]) => (reasons.length ? [...new Set(reasons)].join('; ') : undefined);

/** The reasons for these fields and their sub-fields, joined for a Mantine `error` prop; undefined when none. */
export function reasonsFor(problems: readonly FieldProblem[], ...fields: string[]): string | undefined {
  return joined(problems.filter((p) => fields.some((f) => matches(p, f))).map((p) => p.reason));
}

/** Field reasons of a BAD_USER_INPUT (paths without `input.`), looked up by field path. */
export function fieldReasons(error: CombinedError | undefined) {
  const problems = fieldProblems(error);
  return {
    problems,
    /** The reasons for exactly these fields. */
    exactly: (...fields: string[]) => joined(problems.filter((p) => fields.includes(p.field)).map((p) => p.reason)),
    /** The reasons for these fields and their sub-fields. */
    reasonsFor: (...fields: string[]) => reasonsFor(problems, ...fields),
    /** Problems about fields the form does not show, so they are not lost. */
    unplaced: (known: readonly string[]) => problems.filter((p) => !known.some((f) => matches(p, f))),
  };
}

export interface RefusalAlertProps {
  error: CombinedError | undefined;
  title: string;
  /** The fields shown next to their inputs: any other field reason is listed in the alert. */
  placed?: readonly string[];
  onReload?: () => void;
  testId?: string;
  /** What someone else may have changed, for CONFLICT: "this case", "this session"… */
  what?: string;
  reloadLabel?: string;
  /** A heading for an unmet rule, shown before its reason (e.g. "Materials: missing …"). */
  ruleLabel?: (rule: string) => string;
}

export function RefusalAlert({ error, title, placed = [], onReload, testId, what = 'this', reloadLabel = 'Reload', ruleLabel }: RefusalAlertProps) {
  if (!error) return null;
  const code = errorCode(error);
  if (code === 'CONFLICT') {
    return (
      <Alert color={ATTENTION} title={title} role="alert" data-testid={testId}>
        <Text size="sm">Someone else changed {what} since you opened it; reload to see their change, then try again.</Text>
        {onReload && (
          <Button mt="xs" variant="default" size="xs" onClick={onReload}>
            {reloadLabel}
          </Button>
        )}
      </Alert>
    );
  }
  if (code === 'FAILED_PRECONDITION') {
    const unmet = unmetRules(error);
    return (
      <Alert color={BAD} title={title} role="alert" data-testid={testId}>
        <Text size="sm">{errorMessages(error).join(' ')}</Text>
        {unmet.length > 0 && (
          <List size="sm" data-testid={testId ? `${testId}-unmet` : undefined}>
            {unmet.map((u) => (
              <List.Item key={`${u.rule}:${u.reason}`}>
                {ruleLabel && <strong>{ruleLabel(u.rule)}: </strong>}
                {u.reason}
              </List.Item>
            ))}
          </List>
        )}
        {errorRequestId(error) && (
          <Text size="xs" mt="xs">
            Request id: <code>{errorRequestId(error)}</code>
          </Text>
        )}
      </Alert>
    );
  }
  if (code === 'BAD_USER_INPUT') {
    const { problems, unplaced } = fieldReasons(error);
    if (problems.length === 0) return <ErrorAlert error={error} title={title} />;
    const rest = unplaced(placed);
    return (
      <Alert color={BAD} title={title} role="alert" data-testid={testId}>
        <Text size="sm">Please correct the fields marked.</Text>
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
