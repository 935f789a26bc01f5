// The complaint case as the case page reads it (one fragment, selected by the query and by every
// step's mutation so the normalized cache updates status, clocks and timeline at once) and the
// step mutations. Which steps the case allows is in caseFlow.ts.
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
      actorName
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
