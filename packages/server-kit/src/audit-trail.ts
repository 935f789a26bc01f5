// Reading a domain's audit trail (admins): newest first, filtered by who, what, which record, which
// request and when, paged by keyset. The same in every subgraph (`${domain}AuditTrail`) and for the
// gateway's sign-ins (GET /auth/audit).
import { Role } from '@cpss/domain';
import { MaxLength } from 'class-validator';
import { Arg, Args, Authorized, Directive, Field, InputType, ObjectType, Query, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { AuditEntry } from './audit';
import { Connection, ConnectionArgs, decodeCursor, toConnection, type ConnectionShape } from './connection';
import { badInput } from './errors';

export interface AuditTrailFilter {
  actor?: string | null;
  action?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  requestId?: string | null;
  operation?: string | null;
  from?: Date | null;
  to?: Date | null;
}

@InputType({ description: 'Which audit entries to list; every given part must match' })
export class AuditTrailFilterInput implements AuditTrailFilter {
  @Field(() => String, { nullable: true, description: 'The account id that acted (or anonymous, system)' })
  @MaxLength(100)
  actor?: string | null;

  @Field(() => String, { nullable: true, description: 'read, create, update, delete, export, sign-in, sign-in-refused, sign-out' })
  @MaxLength(40)
  action?: string | null;

  @Field(() => String, { nullable: true, description: 'The table (kind of record), e.g. application' })
  @MaxLength(100)
  subjectType?: string | null;

  @Field(() => String, { nullable: true, description: "The record's key" })
  @MaxLength(200)
  subjectId?: string | null;

  @Field(() => String, { nullable: true })
  @MaxLength(100)
  requestId?: string | null;

  @Field(() => String, { nullable: true, description: 'A mutation (root field) or job name' })
  @MaxLength(100)
  operation?: string | null;

  @Field(() => Date, { nullable: true, description: 'At or after' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before' })
  to?: Date | null;
}

@ObjectType({ description: 'A page of audit entries, newest first' })
@Directive('@shareable')
export class AuditEntryConnection extends Connection(AuditEntry, 'AuditEntry', { shareable: true }) {}

/** A page of the trail in `dataSource`'s schema, newest first. */
export async function readAuditTrail(dataSource: DataSource, filter: AuditTrailFilter, first: number, after?: string | null): Promise<ConnectionShape<AuditEntry>> {
  const qb = dataSource.getRepository(AuditEntry).createQueryBuilder('e');
  for (const key of ['actor', 'action', 'subjectType', 'subjectId', 'requestId', 'operation'] as const) {
    const value = filter[key];
    if (value !== undefined && value !== null && value !== '') qb.andWhere(`e.${key} = :${key}`, { [key]: value });
  }
  if (filter.from) qb.andWhere('e.at >= :from', { from: filter.from });
  if (filter.to) qb.andWhere('e.at < :to', { to: filter.to });
  const counting = qb.clone();
  if (after) {
    const [at, id] = decodeCursor(after, 2) as [string, string];
    if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof id !== 'string') throw badInput({ field: 'after', reason: 'is not a cursor this list gave out' });
    qb.andWhere('(e.at, e.id) < (:at, :id)', { at, id });
  }
  const rows = await qb.orderBy('e.at', 'DESC').addOrderBy('e.id', 'DESC').take(first + 1).getMany();
  return toConnection(rows, first, () => counting.getCount(), (e) => [e.at.toISOString(), e.id]);
}

/** `${domain}AuditTrail(filter, first, after)`: the domain's trail, for admins. */
export function auditTrailResolver(domain: string) {
  @Resolver()
  class AuditTrailResolver {
    constructor(readonly dataSource: DataSource) {}

    @Authorized([Role.Admin])
    @Query(() => AuditEntryConnection, {
      name: `${domain}AuditTrail`,
      description: `The ${domain} domain's audit trail, newest first: every write and every read of a sensitive field (admins)`,
    })
    trail(@Args() page: ConnectionArgs, @Arg('filter', () => AuditTrailFilterInput, { nullable: true }) filter?: AuditTrailFilterInput | null) {
      return readAuditTrail(this.dataSource, filter ?? {}, page.first, page.after);
    }
  }
  return AuditTrailResolver;
}

