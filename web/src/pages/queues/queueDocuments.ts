// The work queues page's one query: every queue of the three domains in a single gateway request.
import { graphql } from '../../gql';

export const WorkQueuesDocument = graphql(`
  query WorkQueues($first: Int!, $withinDays: Int!) {
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
