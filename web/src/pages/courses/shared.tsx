// What the course screens share: status words and badges (text, not colour alone), the review
// clock, the API's error shapes (CONFLICT, FAILED_PRECONDITION's unmet rules, BAD_USER_INPUT's
// fields) and the labels of course materials.
import { Badge, Table } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { RefusalAlert, unmetRules, type UnmetRule } from '../../components/Refusal';
import type { FieldProblem } from '../../graphql';
import type { CourseMaterialKind, CourseStatus, CourseSubmissionStatus } from '../../gql/graphql';
import { enumWords, label } from '../../labels';
import { formatHours } from '../../format';

/**
 * Mantine's default teal with white text is under 4.5:1. These pass WCAG AA (4.5:1) with white;
 * they are hex rather than theme shades because Mantine lightens a theme shade on hover (filled)
 * and caps it at 6 (subtle), while a hex colour only darkens on hover.
 */
export const PRIMARY = '#087f5b';
export const LINK = PRIMARY;
export const GOOD = '#237032';
export const WARN = '#b03a06';
export const BAD = '#c92a2a';

export const COURSE_STATUS_LABELS: Record<CourseStatus, string> = {
  DRAFT: 'Draft',
  IN_REVIEW: 'In review',
  APPROVED: 'Approved',
  DENIED: 'Denied',
  EXPIRED: 'Expired',
};

export const SUBMISSION_STATUS_LABELS: Record<CourseSubmissionStatus, string> = {
  DRAFT: 'Draft (not submitted)',
  RECEIVED: 'Received (format check)',
  TEAM_REVIEW: 'Team review',
  TECHNICAL_ASSISTANCE: 'Technical assistance',
  APPROVED: 'Approved',
  DENIED: 'Denied',
};

export const MATERIAL_LABELS: Record<CourseMaterialKind, string> = {
  INSTRUCTOR_MANUAL: 'Instructor manual',
  PARTICIPANT_MANUAL: 'Participant manual',
  DAILY_AGENDA: 'Daily agenda',
  TOT_MANUAL: 'Training-of-trainers (TOT) manual',
  OTHER: 'Other material',
};

export const MATERIAL_KINDS = Object.keys(MATERIAL_LABELS) as CourseMaterialKind[];
/** The materials every submission needs (the domain's REQUIRED_COURSE_MATERIALS). */
export const REQUIRED_MATERIALS: CourseMaterialKind[] = ['INSTRUCTOR_MANUAL', 'PARTICIPANT_MANUAL', 'DAILY_AGENDA', 'TOT_MANUAL'];

/** Submissions the review team still has to work (and the owner cannot start another beside). */
export const OPEN_SUBMISSION: CourseSubmissionStatus[] = ['DRAFT', 'RECEIVED', 'TEAM_REVIEW', 'TECHNICAL_ASSISTANCE'];

const TONE: Record<string, string> = {
  DRAFT: 'gray.7',
  IN_REVIEW: 'blue.9',
  RECEIVED: 'blue.9',
  TEAM_REVIEW: 'blue.9',
  TECHNICAL_ASSISTANCE: WARN,
  APPROVED: GOOD,
  DENIED: BAD,
  EXPIRED: BAD,
};

export function CourseStatusBadge({ status, testId }: { status: CourseStatus; testId?: string }) {
  return (
    <Badge color={TONE[status] ?? 'gray.7'} variant="filled" data-testid={testId}>
      {label(COURSE_STATUS_LABELS, status)}
    </Badge>
  );
}

export function SubmissionStatusBadge({ status, testId }: { status: CourseSubmissionStatus; testId?: string }) {
  return (
    <Badge color={TONE[status] ?? 'gray.7'} variant="filled" data-testid={testId}>
      {label(SUBMISSION_STATUS_LABELS, status)}
    </Badge>
  );
}

export interface ReviewClockShape {
  businessDaysElapsed: number;
  targetMinBusinessDays: number;
  targetMaxBusinessDays: number;
  dueBy: string;
  overdue: boolean;
}

/** Business days under review against the policy's target (e.g. 12 of 60-90 business days). */
export function ReviewClock({ clock, testId }: { clock: ReviewClockShape | null | undefined; testId?: string }) {
  if (!clock) return <span data-testid={testId}>Not started (starts when submitted)</span>;
  return (
    <span data-testid={testId}>
      {clock.businessDaysElapsed} of {clock.targetMinBusinessDays}–{clock.targetMaxBusinessDays} business days · due by <time dateTime={clock.dueBy}>{clock.dueBy}</time>
      {clock.overdue && (
        <>
          {' '}
          <Badge color={BAD} variant="filled">
            Overdue
          </Badge>
        </>
      )}
    </span>
  );
}

export { unmetRules, type UnmetRule };

const RULE_LABELS: Record<string, string> = {
  submissionWindow: 'Submission window',
  submissionsPaused: 'Submissions paused',
  materials: 'Materials',
  agendaHours: 'Agenda hours',
  crosswalk: 'Crosswalk',
  submissionStatus: 'Submission status',
  courseStatus: 'Course status',
  openSubmission: 'Open submission',
  conceptReview: 'Concept review',
};

/** Reasons the server gave for fields, matching a field and anything under it (`agenda` takes `agenda.2.hours`). */
export function reasonsFor(problems: readonly FieldProblem[], field: string): string[] {
  return problems.filter((p) => p.field === field || p.field.startsWith(`${field}.`)).map((p) => p.reason);
}

/** A mutation's error on the course screens: the shared refusal, with the course rules named. */
export function MutationError({
  error,
  what,
  onReload,
  placedFields = [],
  testId = 'mutation-error',
}: {
  error: CombinedError | undefined;
  what: string;
  onReload: () => void;
  placedFields?: readonly string[];
  testId?: string;
}) {
  return <RefusalAlert error={error} title={what} placed={placedFields} onReload={onReload} testId={testId} ruleLabel={(rule) => RULE_LABELS[rule] ?? enumWords(rule)} />;
}

export function formatUsd(usd: number | null | undefined): string {
  return usd == null ? '—' : `$${usd.toFixed(2)}`;
}

export { formatBytes } from '../../files';

export const totalHours = (c: { faceToFaceHours: number; preWorkHours: number }) => Math.round((c.faceToFaceHours + c.preWorkHours) * 100) / 100;

/**
 * Mantine's error red (red.6) and dimmed grey (gray.6) are under 4.5:1 on white; the course
 * screens set darker ones for everything inside them (field errors, required asterisks).
 */
const SCOPE_STYLE = { '--mantine-color-error': 'var(--mantine-color-red-9)', '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-placeholder': 'var(--mantine-color-gray-7)' } as CSSProperties;

export function CoursesScope({ children }: { children: ReactNode }) {
  return <div style={SCOPE_STYLE}>{children}</div>;
}

/** A submission's daily agenda (day 0 is pre-work) with its total. */
export function AgendaTable({ agenda, testId }: { agenda: readonly { id: string; day: number; title: string; hours: number }[]; testId?: string }) {
  const total = Math.round(agenda.reduce((n, a) => n + a.hours, 0) * 100) / 100;
  return (
    <Table.ScrollContainer minWidth={400} type="native">
      <Table withTableBorder aria-label="Daily agenda" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Day</Table.Th>
            <Table.Th scope="col">Block</Table.Th>
            <Table.Th scope="col">Hours</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agenda.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.day === 0 ? 'Pre-work' : a.day}</Table.Td>
              <Table.Td>{a.title}</Table.Td>
              <Table.Td>{formatHours(a.hours)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row" colSpan={2}>
              Total
            </Table.Th>
            <Table.Td>{formatHours(total)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
