// The session page's documents: one query for the session with its roster, one for the
// participants' names, and the mutations that
// return the fields they change, so the normalized cache updates the page without a refetch.
import { graphql } from '../../gql';

export const TrainingSessionDocument = graphql(`
  query TrainingSession($id: ID!) {
    trainingSession(id: $id) {
      id
      status
      delivery
      address
      county
      meetingUrl
      capacity
      registrationOpensOn
      registrationClosesOn
      firstDay
      lastDay
      version
      trainerPersonId
      enrolledCount
      waitlistCount
      course {
        id
        title
        kind
        faceToFaceHours
        preWorkHours
        childAndFamily
        expiresOn
      }
      days {
        date
        hours
      }
      roster {
        id
        personId
        status
        registeredAt
        version
        waitlistPosition
        attendedHours
        attendance {
          date
          hours
        }
        certificate {
          id
          courseTitle
          courseKind
          hours
          completedOn
          verificationCode
          issuedAt
        }
      }
      timeline {
        id
        fromStatus
        toStatus
        actor
        actorName
        reason
        facts
        at
      }
    }
  }
`);

/**
 * The participants' names (Enrollment.person, resolved by certification), asked apart from the
 * session: when certification does not answer, the roster still shows, by number and id.
 */
export const TrainingSessionNamesDocument = graphql(`
  query TrainingSessionNames($id: ID!) {
    trainingSession(id: $id) {
      id
      roster {
        id
        personId
        person {
          id
          legalName
          preferredName
        }
      }
    }
  }
`);

export const RecordAttendanceDocument = graphql(`
  mutation RecordTrainingAttendance($input: RecordTrainingAttendanceInput!) {
    recordTrainingAttendance(input: $input) {
      id
      personId
      status
      version
      attendedHours
      attendance {
        date
        hours
      }
      certificate {
        id
        courseTitle
        courseKind
        hours
        completedOn
        verificationCode
        issuedAt
      }
    }
  }
`);

export const RescheduleSessionDocument = graphql(`
  mutation RescheduleTrainingSession($input: RescheduleTrainingSessionInput!) {
    rescheduleTrainingSession(input: $input) {
      id
      status
      version
      firstDay
      lastDay
      registrationOpensOn
      registrationClosesOn
      days {
        date
        hours
      }
      timeline {
        id
        fromStatus
        toStatus
        actor
        actorName
        reason
        facts
        at
      }
    }
  }
`);

export const CancelSessionDocument = graphql(`
  mutation CancelTrainingSession($input: CancelTrainingSessionInput!) {
    cancelTrainingSession(input: $input) {
      id
      status
      version
      timeline {
        id
        fromStatus
        toStatus
        actor
        actorName
        reason
        facts
        at
      }
    }
  }
`);

export const RegisterForSessionDocument = graphql(`
  mutation RegisterForTrainingSession($input: RegisterForTrainingSessionInput!) {
    registerForTrainingSession(input: $input) {
      id
      personId
      status
      waitlistPosition
    }
  }
`);
