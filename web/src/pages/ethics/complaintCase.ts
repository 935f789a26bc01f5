// The complaint case as the case page reads it (one fragment, selected by the query and by every
// step's mutation so the normalized cache updates status, clocks and timeline at once), the step
// mutations, and which steps the case's state allows (the server's order, complaint-flow.ts).
import { graphql } from '../../gql';
import type { ComplaintCaseFragment } from '../../gql/graphql';

export const ComplaintCaseFragmentDoc = graphql(`
  fragment ComplaintCase on Complaint {
    id
    referenceNumber
    channel
    subjectKind
    respondentDescription
    respondent {
      id
      legalName
      preferredName
      county
    }
    incidentOn
    receivedOn
    status
    version
    triageLevel
    acknowledgedOn
    triagedOn
    referredOn
    referredTo
    respondentNotifiedOn
    respondentRespondedOn
    cooperation
    cooperationNote
    findingsOn
    substantiated
    outcome
    outcomeNoticeOn
    appealDeadline
    appealedOn
    appealDecision
    appealDecidedOn
    closedOn
    nextDueOn
    ageBusinessDays
    overdue
    summary
    complainant {
      name
      email
      phone
      postalAddress
    }
    allegations {
      id
      principle
      description
    }
    findings
    respondentResponse
    outcomeReason
    appealGrounds
    clocks {
      step
      kind
      targetBusinessDays
      startedOn
      dueOn
      completedOn
      businessDaysElapsed
      running
      overdue
    }
    timeline {
      id
      fromStatus
      toStatus
      actor
      reason
      at
    }
    sanctions {
      id
      kind
      status
      effectiveFrom
      effectiveUntil
      conditions
      mandatedTraining
      trainingDueOn
      decidedOn
      finalizedOn
    }
    codeOfEthics {
      id
      version
      principles {
        code
        number
        title
      }
    }
  }
`);

export const AcknowledgeComplaintMutation = graphql(`
  mutation AcknowledgeComplaint($input: ComplaintStepInput!) {
    acknowledgeComplaint(input: $input) {
      id
      ...ComplaintCase
    }
  }
`);

export const TriageComplaintMutation = graphql(`
  mutation TriageComplaint($input: TriageComplaintInput!) {
    triageComplaint(input: $input) {
      id
      ...ComplaintCase
    }
  }
`);

export const ReferComplaintMutation = graphql(`
  mutation ReferComplaint($input: ReferComplaintInput!) {
    referComplaint(input: $input) {
      id
      ...ComplaintCase
    }
  }
`);

export const NotifyRespondentMutation = graphql(`
  mutation NotifyRespondent($input: ComplaintStepInput!) {
    notifyRespondent(input: $input) {
      id
      ...ComplaintCase
    }
  }
`);

export const RecordRespondentResponseMutation = graphql(`
  mutation RecordRespondentResponse($input: RespondentResponseInput!) {
    recordRespondentResponse(input: $input) {
      id
      ...ComplaintCase
    }
  }
`);

export const RecordRespondentCooperationMutation = graphql(`
  mutation RecordRespondentCooperation($input: CooperationInput!) {
    recordRespondentCooperation(input: $input) {
      id
      ...ComplaintCase
    }
  }
`);

export const RecordComplaintFindingsMutation = graphql(`
  mutation RecordComplaintFindings($input: FindingsInput!) {
    recordComplaintFindings(input: $input) {
      id
      ...ComplaintCase
    }
  }
`);

export const DecideComplaintOutcomeMutation = graphql(`
  mutation DecideComplaintOutcome($input: OutcomeInput!) {
    decideComplaintOutcome(input: $input) {
      id
      ...ComplaintCase
    }
  }
`);

export const AppealComplaintMutation = graphql(`
  mutation AppealComplaint($input: AppealInput!) {
    appealComplaint(input: $input) {
      id
      ...ComplaintCase
    }
  }
`);

export const DecideComplaintAppealMutation = graphql(`
  mutation DecideComplaintAppeal($input: AppealDecisionInput!) {
    decideComplaintAppeal(input: $input) {
      id
      ...ComplaintCase
    }
  }
`);

export const CloseComplaintMutation = graphql(`
  mutation CloseComplaint($input: ComplaintStepInput!) {
    closeComplaint(input: $input) {
      id
      ...ComplaintCase
    }
  }
`);

export type ComplaintCase = ComplaintCaseFragment;

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
export function availableActions(c: ComplaintCase, today: string): CaseAction[] {
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
