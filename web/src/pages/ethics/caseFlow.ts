// Which steps a complaint case allows now, in the server's order (services/ethics complaint-flow.ts),
// and the words the case screens use. Pure, so it is unit tested without a server.
import type { ComplaintCaseFragment } from '../../gql/graphql';

/** The parts of a case the flow looks at. */
export type CaseState = Pick<ComplaintCaseFragment, 'status' | 'subjectKind' | 'triageLevel' | 'respondentNotifiedOn' | 'respondentRespondedOn' | 'appealDeadline'> & {
  respondent?: { id: string } | null;
};

export type CaseAction =
  | 'acknowledge'
  | 'triage'
  | 'refer'
  | 'notify'
  | 'response'
  | 'cooperation'
  | 'findings'
  | 'outcome'
  | 'appeal'
  | 'appealDecision'
  | 'close';

const OPEN_INVESTIGATION = ['ACKNOWLEDGED', 'TRIAGED', 'REFERRED_FOR_INVESTIGATION'];

/**
 * The steps the case's status allows now, in flow order. Mirrors the server's order so the page
 * offers only what can be done; the server still decides (and says why when it refuses).
 */
export function availableActions(c: CaseState, today: string): CaseAction[] {
  const s = c.status;
  const actions: CaseAction[] = [];
  if (s === 'RECEIVED') actions.push('acknowledge');
  if (s === 'ACKNOWLEDGED') actions.push('triage');
  if (s === 'TRIAGED') actions.push('refer');
  if (OPEN_INVESTIGATION.includes(s) && c.subjectKind !== 'PROGRAM' && !c.respondentNotifiedOn) actions.push('notify');
  if (OPEN_INVESTIGATION.includes(s) && c.respondentNotifiedOn && !c.respondentRespondedOn) actions.push('response');
  if ((s === 'TRIAGED' || s === 'REFERRED_FOR_INVESTIGATION') && c.respondent) actions.push('cooperation');
  if (s === 'REFERRED_FOR_INVESTIGATION' || (s === 'TRIAGED' && c.triageLevel === 'DESK_REVIEW')) actions.push('findings');
  if (s === 'FINDINGS_RECORDED') actions.push('outcome');
  if (s === 'OUTCOME_DECIDED' && c.appealDeadline && today <= c.appealDeadline) actions.push('appeal');
  if (s === 'APPEALED') actions.push('appealDecision');
  if (s === 'OUTCOME_DECIDED' || s === 'APPEAL_DECIDED') actions.push('close');
  return actions;
}

export const OUTCOME_LABELS: Record<string, string> = {
  DISMISSED: 'Dismissed',
  NO_ACTION: 'No action',
  CORRECTIVE_ACTION: 'Corrective action (mandated training)',
  PROBATION: 'Probation',
  SUSPENSION: 'Suspension',
  REVOCATION: 'Revocation of certification',
  REMOVAL_AS_TRAINER: 'Removal as trainer',
};

/** Whom a complaint is about, short (the queue and the case's facts). */
export const SUBJECT_KIND_LABELS: Record<string, string> = {
  CPSS: 'CPSS',
  TRAINER: 'Trainer',
  COURSE_OWNER: 'Course owner',
  PROGRAM: 'The program',
};

export const TRIAGE_LEVEL_LABELS: Record<string, string> = {
  DESK_REVIEW: 'Desk review (by the program)',
  INVESTIGATION: 'Investigation',
  EXPEDITED: 'Expedited investigation',
};

export const CLOCK_STEP_LABELS: Record<string, string> = {
  ACKNOWLEDGMENT: 'Acknowledgment',
  TRIAGE: 'Triage',
  RESPONDENT_RESPONSE: 'Respondent’s response',
  INVESTIGATION: 'Investigation',
  APPEAL_WINDOW: 'Appeal window',
};
