// The GraphQL documents of the applicant's and CPSS's own screens (/apply, /recertification).
// The recovery start date and statement are sensitive: they are asked for only here, by the
// applicant themself, and never logged or put in a URL.
import { graphql } from '../../gql';

export const ApplicantApplicationFields = graphql(`
  fragment ApplicantApplicationFields on Application {
    id
    kind
    channel
    status
    version
    certificationId
    createdAt
    submittedOn
    incompleteSince
    missingItems
    consumerOfServices
    educationProofKind
    educationProofDocumentId
    codeOfEthicsVersion
    codeOfEthicsSignedOn
    statementOwnWork
    workHistory
    late
    decidedOn
    decisionReasons
    appealRights
    recoveryStartDate
    recoveryStatement
    eligible
    coreCourse {
      title
      completedOn
      hours
    }
    trainingLog {
      id
      topic
      hours
      completedOn
      childFamily
      ethics
      militarySpecific
      evidenceDocumentId
      evidenceNote
    }
    references {
      id
      name
      relation
      yearsKnown
      knowsAboutRecovery
      contact
    }
    documents {
      id
      purpose
      fileName
      format
      sizeBytes
      createdAt
    }
    fees {
      id
      kind
      amountCents
      status
      paidOn
      waivedReason
    }
    checklist {
      rule
      met
      required
      why
    }
    policyVersion {
      id
      effectiveFrom
      values
    }
    certification {
      id
      number
      dueOn
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
  }
`);

/** The applicant's own applications (the API answers only their own to a non-staff caller). */
export const MyApplicationListQuery = graphql(`
  query ApplyMyApplications($personId: ID) {
    applications(first: 50, personId: $personId) {
      totalCount
      edges {
        node {
          id
          kind
          status
          createdAt
          submittedOn
          missingItems
          certificationId
        }
      }
    }
  }
`);

export const ApplicantApplicationQuery = graphql(`
  query ApplicantApplication($id: ID!) {
    application(id: $id) {
      ...ApplicantApplicationFields
    }
  }
`);

/** What the applicant's form shows besides the application: their record, training, the code. */
export const ApplicantRecordQuery = graphql(`
  query ApplicantRecord {
    me {
      id
      legalName
      preferredName
      county
      email
      phone
      version
      mailingAddress {
        line1
        line2
        city
        state
        postalCode
      }
      trainingHours
      trainingHoursByKind {
        kind
        hours
      }
      childAndFamilyTrainingHours
      trainingCompletions {
        id
        courseTitle
        kind
        hours
        completedOn
        childAndFamily
        provider
      }
    }
    codeOfEthicsInForce {
      id
      version
      title
      effectiveFrom
    }
    certificationPolicyInForce {
      id
      effectiveFrom
      values
    }
  }
`);

export const CreateApplicationMutation = graphql(`
  mutation ApplyCreateApplication($input: CreateApplicationInput!) {
    createApplication(input: $input) {
      ...ApplicantApplicationFields
    }
  }
`);

export const SaveDraftMutation = graphql(`
  mutation ApplySaveDraft($input: SaveApplicationDraftInput!) {
    saveApplicationDraft(input: $input) {
      ...ApplicantApplicationFields
    }
  }
`);

export const UploadDocumentMutation = graphql(`
  mutation ApplyUploadDocument($input: UploadApplicationDocumentInput!) {
    uploadApplicationDocument(input: $input) {
      id
      purpose
      fileName
      format
      sizeBytes
      createdAt
    }
  }
`);

export const SubmitApplicationMutation = graphql(`
  mutation ApplySubmitApplication($input: ApplicationVersionInput!) {
    submitApplication(input: $input) {
      ...ApplicantApplicationFields
    }
  }
`);

export const WithdrawApplicationMutation = graphql(`
  mutation ApplyWithdrawApplication($input: ApplicationVersionInput!) {
    withdrawApplication(input: $input) {
      ...ApplicantApplicationFields
    }
  }
`);

export const UpdateProfileMutation = graphql(`
  mutation ApplyUpdateProfile($input: UpdatePersonProfileInput!) {
    updatePersonProfile(input: $input) {
      id
      version
      preferredName
      phone
      mailingAddress {
        line1
        line2
        city
        state
        postalCode
      }
    }
  }
`);

/** The CPSS's certifications, with the renewal window, and hours since the last certification. */
export const MyCertificationsQuery = graphql(`
  query MyCertifications {
    me {
      id
      legalName
      preferredName
      certifications {
        id
        number
        issuedOn
        lastCertifiedOn
        dueOn
        status
        goodThrough
        renewalOpensOn
        version
        designations {
          designation
          grantedOn
        }
      }
    }
    certificationPolicyInForce {
      id
      effectiveFrom
      values
    }
  }
`);

export const HoursSinceQuery = graphql(`
  query MyHoursSince($since: LocalDate!) {
    me {
      id
      trainingHours(since: $since)
      trainingHoursByKind(since: $since) {
        kind
        hours
      }
      childAndFamilyTrainingHours(since: $since)
    }
  }
`);

export const CreateRecertificationMutation = graphql(`
  mutation ApplyCreateRecertification($input: CreateRecertificationInput!) {
    createRecertification(input: $input) {
      ...ApplicantApplicationFields
    }
  }
`);
