// Training's fields on certification's Certification: the hours that count toward certification
// completed after its last (re)certification, for program staff (renewals due). certification
// provides the person and the date (@requires); every representation of a request is answered by
// one SQL statement.
import type { RequestContext } from '@cpss/server-kit';
import { Authorized, Ctx, Directive, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { Certification, type CertificationReference, type HoursSince } from '../entities/certification';
import { isStaff, requireStaff } from '../services/access';
import { hoursSinceKey, type TrainingRecordService } from '../services/training-record.service';

function hoursSinceLoader(ctx: RequestContext, records: TrainingRecordService) {
  return ctx.loaders.get<string, HoursSince>('certification.hoursSince', records.hoursSinceOf);
}

/** `__resolveReference`: loads the hours of every representation together (nothing for a caller who may not read them). */
export function certificationReference(records: TrainingRecordService) {
  return async (ref: Certification, ctx: RequestContext): Promise<CertificationReference> => {
    if (!ctx.principal || !isStaff(ctx.principal) || !ref.personId || !ref.lastCertifiedOn) return ref;
    return { ...ref, hoursSince: await hoursSinceLoader(ctx, records).load(hoursSinceKey(ref.personId, ref.lastCertifiedOn)) };
  };
}

@Resolver(() => Certification)
export class CertificationTrainingResolver {
  constructor(private readonly records: TrainingRecordService) {}

  @Authorized()
  @FieldResolver(() => Float, { nullable: true, description: 'Hours that count toward certification completed after the last (re)certification: program staff. Null when training cannot answer (the gateway then reports SERVICE_UNAVAILABLE naming training).' })
  @Directive('@requires(fields: "personId lastCertifiedOn")')
  async trainingHoursSinceLastCertification(@Root() c: CertificationReference, @Ctx() ctx: RequestContext) {
    return (await this.hoursOf(c, ctx)).hours;
  }

  @Authorized()
  @FieldResolver(() => Float, { nullable: true, description: 'Ethics and Peer Support Boundaries hours among them: program staff. Null when training cannot answer (the gateway then reports SERVICE_UNAVAILABLE naming training).' })
  @Directive('@requires(fields: "personId lastCertifiedOn")')
  async ethicsTrainingHoursSinceLastCertification(@Root() c: CertificationReference, @Ctx() ctx: RequestContext) {
    return (await this.hoursOf(c, ctx)).ethicsHours;
  }

  private async hoursOf(c: CertificationReference, ctx: RequestContext): Promise<HoursSince> {
    requireStaff(ctx.principal);
    return c.hoursSince ?? hoursSinceLoader(ctx, this.records).load(hoursSinceKey(c.personId, c.lastCertifiedOn));
  }
}
