// Uploaded documents (proofs, course materials): checked by type and size from their bytes, not
// their names, and stored in the service's own `document` table. Clients send them base64 in a
// GraphQL mutation, so uploads travel through the gateway with the caller's token like any field.
import { createHash } from 'node:crypto';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, type EntityManager } from 'typeorm';
import { badInput } from './errors';

export const DocumentFormat = {
  Pdf: 'PDF',
  Word: 'WORD',
  PowerPoint: 'POWERPOINT',
  Image: 'IMAGE',
} as const;
export type DocumentFormat = (typeof DocumentFormat)[keyof typeof DocumentFormat];

const MIME: Record<string, DocumentFormat> = {
  'application/pdf': 'PDF',
  'application/msword': 'WORD',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'WORD',
  'application/vnd.ms-powerpoint': 'POWERPOINT',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'POWERPOINT',
  'image/jpeg': 'IMAGE',
  'image/png': 'IMAGE',
};

/** What the bytes say the file is (magic numbers), or null. */
export function sniffFormat(bytes: Buffer, fileName: string): DocumentFormat | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'PDF';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'IMAGE';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'IMAGE';
  const zip = bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  const ole = bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  if (zip && ext === 'docx') return 'WORD';
  if (zip && ext === 'pptx') return 'POWERPOINT';
  if (ole && ext === 'doc') return 'WORD';
  if (ole && ext === 'ppt') return 'POWERPOINT';
  return null;
}

@Entity({ name: 'document' })
export class StoredDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The person it belongs to (an applicant's proof) or null (a course's materials). */
  @Column({ name: 'owner_person_id', type: 'uuid', nullable: true })
  ownerPersonId: string | null;

  /** What it is for, in the owning domain's words (EDUCATION_PROOF, INSTRUCTOR_MANUAL...). */
  @Column({ type: 'text' })
  purpose: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ type: 'text' })
  format: DocumentFormat;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @Column({ name: 'uploaded_by', type: 'text' })
  uploadedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const DOCUMENT_TABLE_SQL = [
  `create table document (
    id uuid primary key default gen_random_uuid(),
    owner_person_id uuid,
    purpose text not null,
    file_name text not null,
    content_type text not null,
    format text not null,
    size_bytes integer not null check (size_bytes > 0),
    sha256 text not null,
    content bytea not null,
    uploaded_by text not null,
    created_at timestamptz not null default now()
  )`,
  `create index document_owner_idx on document (owner_person_id)`,
];

export interface DocumentUpload {
  fileName: string;
  contentType: string;
  /** The file, base64-encoded. */
  contentBase64: string;
}

export interface DocumentRules {
  allowed: readonly DocumentFormat[];
  maxBytes: number;
  /** Field path used in errors, e.g. `input.document`. */
  field: string;
}

/** Validates an upload (every problem at once, as BAD_USER_INPUT) and returns its bytes and format. */
export function checkUpload(upload: DocumentUpload, rules: DocumentRules): { bytes: Buffer; format: DocumentFormat } {
  const problems: { field: string; reason: string }[] = [];
  const name = upload.fileName.trim();
  if (!name || name.length > 200 || /[/\\\0]/.test(name)) problems.push({ field: `${rules.field}.fileName`, reason: 'must be a plain file name of at most 200 characters' });
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(upload.contentBase64) || upload.contentBase64.length % 4 !== 0) {
    problems.push({ field: `${rules.field}.contentBase64`, reason: 'is not base64' });
    throw badInput(problems);
  }
  const bytes = Buffer.from(upload.contentBase64, 'base64');
  if (bytes.length === 0) problems.push({ field: `${rules.field}.contentBase64`, reason: 'is empty' });
  if (bytes.length > rules.maxBytes) problems.push({ field: `${rules.field}.contentBase64`, reason: `is larger than ${Math.floor(rules.maxBytes / 1024 / 1024)} MB` });
  const format = sniffFormat(bytes, name);
  const declared = MIME[upload.contentType];
  if (!format || !rules.allowed.includes(format)) {
    problems.push({ field: `${rules.field}.contentType`, reason: `must be one of ${rules.allowed.join(', ')} (checked from the file's content)` });
  } else if (declared && declared !== format) {
    problems.push({ field: `${rules.field}.contentType`, reason: `says ${upload.contentType} but the file is ${format}` });
  }
  if (problems.length) throw badInput(problems);
  return { bytes, format: format! };
}

export async function storeDocument(
  manager: EntityManager,
  upload: DocumentUpload,
  checked: { bytes: Buffer; format: DocumentFormat },
  meta: { ownerPersonId: string | null; purpose: string; uploadedBy: string },
): Promise<StoredDocument> {
  const repo = manager.getRepository(StoredDocument);
  const saved = await repo.save(
    repo.create({
      ...meta,
      fileName: upload.fileName.trim(),
      contentType: upload.contentType,
      format: checked.format,
      sizeBytes: checked.bytes.length,
      sha256: createHash('sha256').update(checked.bytes).digest('hex'),
      content: checked.bytes,
    }),
  );
  return saved;
}

export async function readDocumentContent(manager: EntityManager, id: string): Promise<Buffer | null> {
  const row = await manager.getRepository(StoredDocument).createQueryBuilder('d').addSelect('d.content').where('d.id = :id', { id }).getOne();
  return row?.content ?? null;
}
