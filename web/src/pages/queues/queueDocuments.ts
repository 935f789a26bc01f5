// The work queues page's queries: one per domain owning the queues (each still crosses domains for
// the fields the others add: a renewal's training hours, a respondent's name and upcoming
// sessions). The queues are root fields, non-null: asked in one request, a domain that does not
// answer would null every queue with its SERVICE_UNAVAILABLE; asked apart, only its own are missing.
import { graphql } from '../../gql';

/** Certification's queues: applications awaiting review, certifications falling due (with training's hours). */
export const WorkQueuesCertificationDocument = graphql(`
  query WorkQueuesCertification($first: Int!, $withinDays: Int!) {
    awaitingReview: applications(first: $first, statuses: [SUBMITTED, IN_REVIEW, ON_HOLD]) {
      totalCount
      edges {
        node {
          id
          kind
          status
          submittedOn
          heldForComplaint
          holdReason
          person {
            id
            legalName
            preferredName
          }
          processingClock {
            businessDaysWaiting
            targetBusinessDays
            overdue
          }
        }
      }
    }
    certificationsDue(first: $first, withinDays: $withinDays) {
      totalCount
      edges {
        node {
          id
          number
          status
          dueOn
          renewalHoursRequired
          trainingHoursSinceLastCertification
          ethicsTrainingHoursSinceLastCertification
          person {
            id
            legalName
            preferredName
          }
        }
      }
    }
  }
`);

/** Ethics' queues: complaints awaiting acknowledgment, and the people an open complaint is about (names from certification, sessions from training). */
export const WorkQueuesEthicsDocument = graphql(`
  query WorkQueuesEthics($first: Int!) {
    awaitingAcknowledgment: complaints(first: $first, filter: { statuses: [RECEIVED] }) {
      totalCount
      edges {
        node {
          id
          referenceNumber
          subjectKind
          respondentDescription
          respondent {
            id
            legalName
            preferredName
          }
          receivedOn
          nextDueOn
          overdue
          clocks {
            step
            dueOn
            overdue
          }
        }
      }
    }
    openComplaintRespondents {
      id
      legalName
      preferredName
      trainerProfile {
        status
        upcomingSessions {
          id
          firstDay
          lastDay
          course {
            id
            title
          }
        }
      }
    }
  }
`);

/** Training's queue: course submissions in review. */
export const WorkQueuesTrainingDocument = graphql(`
  query WorkQueuesTraining($first: Int!) {
    submissionsInReview: courseSubmissions(first: $first, statuses: [RECEIVED, TEAM_REVIEW]) {
      totalCount
      edges {
        node {
          id
          purpose
          status
          attempt
          submittedOn
          course {
            id
            title
            kind
          }
          reviewClock {
            businessDaysElapsed
            targetMaxBusinessDays
            dueBy
            overdue
          }
        }
      }
    }
  }
`);
