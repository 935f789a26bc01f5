// Every remaining mutation: bad input is BAD_USER_INPUT naming the field path, and writes nothing.
import { describe, expect, it } from 'vitest';
import { Role } from '@cpss/domain';
import { errorCodes } from '@cpss/testkit';
import { completeParts, gqlOk, staff, submittedApplication, type AppShape } from './fixtures';
import { as, fieldsOf, gql, useCertificationDatabase } from './harness';

const t = useCertificationDatabase();
const TODAY = '2026-11-23';
const TABLES = ['application', 'training_log_entry', 'application_reference', 'fee', 'status_change', 'audit_entry', 'document', 'certification', 'certification_event'];

async function newPerson(): Promise<string> {
  const [{ id }] = (await t.ds.query(`insert into person (legal_name, email, date_of_birth, county) values ('Input Person', 'in-' || gen_random_uuid() || '@example.org', '1985-01-01', 'Wake') returning id`)) as { id: string }[];
  return id;
}

describe('bad input writes nothing', () => {
  it('application commands', async () => {
    const app = await t.appOn(TODAY);
    const personId = await newPerson();
    const me = await as([Role.Applicant], personId, `account-${personId}`);
    const sub = await submittedApplication(app, personId, completeParts(TODAY));
    const before = await t.snapshot(...TABLES);
    const cases: [string, Record<string, unknown>, { token: string }, string[]][] = [
      [`mutation($input: CreateApplicationInput!) { createApplication(input: $input) { id } }`, { personId: 'not-an-id' }, await staff(), ['input.personId']],
      [`mutation($input: CreateApplicationInput!) { createApplication(input: $input) { id } }`, {}, await as([Role.CertificationReviewer]), ['input.personId']],
      [`mutation($input: ApplicationVersionInput!) { withdrawApplication(input: $input) { id } }`, { applicationId: sub.id, expectedVersion: sub.version, reason: 'x'.repeat(1001) }, me, ['input.reason']],
      [`mutation($input: ApplicationVersionInput!) { placeApplicationOnHold(input: $input) { id } }`, { applicationId: sub.id, expectedVersion: sub.version }, await staff(), ['input.reason']],
      [`mutation($input: ApplicationVersionInput!) { releaseApplicationHold(input: $input) { id } }`, { applicationId: sub.id, expectedVersion: sub.version, reason: ' ' }, await staff(), ['input.reason']],
      [`mutation($input: ApplicationVersionInput!) { approveApplication(input: $input) { id } }`, { applicationId: sub.id, expectedVersion: sub.version, reason: 'x'.repeat(1001) }, await staff(), ['input.reason']],
      [
        `mutation($input: UploadApplicationDocumentInput!) { uploadApplicationDocument(input: $input) { id } }`,
        { applicationId: sub.id, purpose: 'EDUCATION_PROOF', file: { fileName: 'diploma.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('not a pdf').toString('base64') } },
        me,
        ['input.file.contentType'],
      ],
      [
        `mutation($input: UploadApplicationDocumentInput!) { uploadApplicationDocument(input: $input) { id } }`,
        { applicationId: sub.id, purpose: 'SELFIE', file: { fileName: 'a.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4 x').toString('base64') } },
        me,
        ['input.purpose'],
      ],
    ];
    for (const [query, input, auth, fields] of cases) {
      const res = await gql(app, query, { input }, auth);
      expect(errorCodes(res), query).toEqual(['BAD_USER_INPUT']);
      expect(fieldsOf(res), query).toEqual(fields);
    }
    expect(await t.snapshot(...TABLES)).toBe(before);
    // An id that names nothing is NOT_FOUND, not a database error.
    const unknown = await gql(app, `mutation($input: ApplicationVersionInput!) { submitApplication(input: $input) { id } }`, { input: { applicationId: 'nope', expectedVersion: 1 } }, me);
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    const unknownCert = await gql(app, `mutation($input: CreateRecertificationInput!) { createRecertification(input: $input) { id } }`, { input: { certificationId: 'nope' } }, me);
    expect(errorCodes(unknownCert)).toEqual(['NOT_FOUND']);
    expect(await t.snapshot(...TABLES)).toBe(before);
  });

  it('uploads a proof the applicant can then attach; another applicant cannot', async () => {
    const app = await t.appOn(TODAY);
    const personId = await newPerson();
    const me = await as([Role.Applicant], personId, `account-${personId}`);
    const draft = (await gqlOk(app, `mutation { createApplication(input: {}) { id version } }`, {}, me))['createApplication'] as AppShape;
    const file = { fileName: 'diploma.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4 diploma').toString('base64') };
    const other = await newPerson();
    const refused = await gql(app, `mutation($input: UploadApplicationDocumentInput!) { uploadApplicationDocument(input: $input) { id } }`, { input: { applicationId: draft.id, purpose: 'EDUCATION_PROOF', file } }, await as([Role.Applicant], other));
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    const doc = (await gqlOk(app, `mutation($input: UploadApplicationDocumentInput!) { uploadApplicationDocument(input: $input) { id format sizeBytes } }`, { input: { applicationId: draft.id, purpose: 'EDUCATION_PROOF', file } }, me))['uploadApplicationDocument'] as { id: string; format: string };
    expect(doc.format).toBe('PDF');
    const saved = await gqlOk(app, `mutation($input: SaveApplicationDraftInput!) { saveApplicationDraft(input: $input) { educationProofDocumentId documents { id fileName } } }`, { input: { applicationId: draft.id, expectedVersion: draft.version, educationProofKind: 'GED', educationProofDocumentId: doc.id } }, me);
    expect(saved['saveApplicationDraft']).toEqual({ educationProofDocumentId: doc.id, documents: [{ id: doc.id, fileName: 'diploma.pdf' }] });
    const READ = `query($id: ID!) { applicationDocumentContent(id: $id) { document { fileName } contentBase64 } }`;
    const own = await gqlOk(app, READ, { id: doc.id }, me);
    expect(own['applicationDocumentContent']).toEqual({ document: { fileName: 'diploma.pdf' }, contentBase64: file.contentBase64 });
    expect(errorCodes(await gql(app, READ, { id: doc.id }, await as([Role.Applicant], other)))).toEqual(['FORBIDDEN']);
    expect((await gqlOk(app, READ, { id: doc.id }, await staff()))['applicationDocumentContent']).toMatchObject({ contentBase64: file.contentBase64 });
    expect(await t.count(`audit_entry where subject_type = 'Document' and subject_id = '${doc.id}'`)).toBe(2);
  });
});
