// The GraphQL documents of the course screens (developer and training reviewer), in one place so
// the pages share their shapes and graphcache sees the same fields for the same entities.
import { graphql } from '../../gql';

export const CoursesQuery = graphql(`
  query Courses($first: Int, $after: String, $status: CourseStatus, $kind: CourseKind) {
    courses(first: $first, after: $after, status: $status, kind: $kind) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ownerId
          title
          kind
          faceToFaceHours
          preWorkHours
          childAndFamily
          status
          approvedOn
          expiresOn
          version
        }
      }
    }
  }
`);

/** A developer's own submissions (staff: everyone's), to show each course's latest one in the list. */
export const MySubmissionsQuery = graphql(`
  query MyCourseSubmissions($first: Int) {
    courseSubmissions(first: $first) {
      totalCount
      edges {
        node {
          id
          status
          attempt
          submittedOn
          course {
            id
          }
        }
      }
    }
  }
`);

export const CreateCourseMutation = graphql(`
  mutation CreateCourse($input: CreateCourseInput!) {
    createCourse(input: $input) {
      id
      title
      kind
      faceToFaceHours
      preWorkHours
      childAndFamily
      status
      version
    }
  }
`);

export const UpdateCourseMutation = graphql(`
  mutation UpdateCourse($input: UpdateCourseInput!) {
    updateCourse(input: $input) {
      id
      title
      kind
      faceToFaceHours
      preWorkHours
      childAndFamily
      status
      version
    }
  }
`);

export const TrainingStandardsQuery = graphql(`
  query CourseTrainingStandards {
    trainingStandards {
      id
      version
      effectiveFrom
      domains {
        id
        number
        name
        coreConcepts {
          id
          code
          statement
        }
      }
    }
  }
`);

export const CourseQuery = graphql(`
  query CourseWithSubmissions($id: ID!) {
    course(id: $id) {
      id
      ownerId
      title
      kind
      faceToFaceHours
      preWorkHours
      childAndFamily
      status
      approvedOn
      expiresOn
      version
      createdAt
      timeline {
        id
        fromStatus
        toStatus
        actor
        actorName
        reason
        at
      }
    }
    courseSubmissions(courseId: $id, first: 100) {
      totalCount
      edges {
        node {
          id
          purpose
          status
          attempt
          submittedOn
          decidedOn
        }
      }
    }
  }
`);

export const CourseSubmissionQuery = graphql(`
  query CourseSubmissionDetail($id: ID!) {
    courseSubmission(id: $id) {
      id
      purpose
      status
      attempt
      submittedOn
      feeUsd
      decidedOn
      version
      createdAt
      course {
        id
        ownerId
        title
        kind
        faceToFaceHours
        preWorkHours
        childAndFamily
        status
        approvedOn
        expiresOn
        version
      }
      agenda {
        id
        day
        title
        hours
      }
      crosswalk {
        id
        conceptId
        material
        location
        agendaBlock
      }
      materials {
        id
        kind
        documentId
        fileName
        format
        sizeBytes
        attempt
        uploadedAt
      }
      conceptReviews {
        id
        attempt
        conceptId
        met
        comment
        reviewer
        reviewedAt
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
      reviewClock {
        businessDaysElapsed
        targetMinBusinessDays
        targetMaxBusinessDays
        dueBy
        overdue
      }
    }
  }
`);

export const ReviewQueueQuery = graphql(`
  query CourseReviewQueue($first: Int, $after: String, $status: CourseSubmissionStatus) {
    courseSubmissions(first: $first, after: $after, status: $status) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          purpose
          status
          attempt
          submittedOn
          feeUsd
          course {
            id
            title
            kind
            faceToFaceHours
            preWorkHours
          }
          reviewClock {
            businessDaysElapsed
            targetMinBusinessDays
            targetMaxBusinessDays
            dueBy
            overdue
          }
        }
      }
    }
  }
`);

export const CourseMaterialFileQuery = graphql(`
  query CourseMaterialFile($id: ID!) {
    courseMaterialFile(id: $id) {
      fileName
      format
      contentBase64
    }
  }
`);

// Mutations return the fields the pages show, so graphcache updates those entities in place.
export const CreateSubmissionMutation = graphql(`
  mutation CreateCourseSubmission($input: CreateCourseSubmissionInput!) {
    createCourseSubmission(input: $input) {
      id
      status
      version
      attempt
    }
  }
`);

export const UpdateSubmissionMutation = graphql(`
  mutation UpdateCourseSubmission($input: UpdateCourseSubmissionInput!) {
    updateCourseSubmission(input: $input) {
      id
      status
      version
      agenda {
        id
        day
        title
        hours
      }
      crosswalk {
        id
        conceptId
        material
        location
        agendaBlock
      }
    }
  }
`);

export const UploadMaterialMutation = graphql(`
  mutation UploadCourseMaterial($input: UploadCourseMaterialInput!) {
    uploadCourseMaterial(input: $input) {
      id
      kind
      documentId
      fileName
      format
      sizeBytes
      attempt
      uploadedAt
    }
  }
`);

export const SubmitSubmissionMutation = graphql(`
  mutation SubmitCourseSubmission($input: CourseSubmissionVersionInput!) {
    submitCourseSubmission(input: $input) {
      id
      status
      version
      submittedOn
      feeUsd
    }
  }
`);

export const ResubmitSubmissionMutation = graphql(`
  mutation ResubmitCourseSubmission($input: CourseSubmissionVersionInput!) {
    resubmitCourseSubmission(input: $input) {
      id
      status
      version
      attempt
    }
  }
`);

export const CheckFormatMutation = graphql(`
  mutation CheckCourseSubmissionFormat($input: CheckCourseFormatInput!) {
    checkCourseSubmissionFormat(input: $input) {
      id
      status
      version
    }
  }
`);

export const ReviewConceptsMutation = graphql(`
  mutation ReviewCourseConcepts($input: ReviewCourseConceptsInput!) {
    reviewCourseConcepts(input: $input) {
      id
      status
      version
      conceptReviews {
        id
        attempt
        conceptId
        met
        comment
        reviewer
        reviewedAt
      }
    }
  }
`);

export const DecideSubmissionMutation = graphql(`
  mutation DecideCourseSubmission($input: DecideCourseSubmissionInput!) {
    decideCourseSubmission(input: $input) {
      id
      status
      version
      decidedOn
    }
  }
`);

/** The training policy in force today: submission windows, pause and fee, shown before submitting. */
export const TrainingPolicyInForceQuery = graphql(`
  query CourseTrainingPolicyInForce {
    trainingPolicyInForce {
      id
      effectiveFrom
      values
      note
    }
  }
`);
