// Training's fields on Person: the training record, readable by staff and the person themself.
import { requireStaffOrSelf, type RequestContext } from '@cpss/server-kit';
import { CourseKind } from '@cpss/domain';
import { Arg, Authorized, Ctx, Field, FieldResolver, Float, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Person } from '../entities/person';
import { CourseKindEnum, TrainingCompletion } from '../entities/training-completion';
import { LocalDateResolver } from 'graphql-scalars';
import { requireStaffSelfOrService } from '../services/access';
import { completedSince, hoursByKind, totalHours, TrainingRecordService, type CompletionFacts } from '../services/training-record.service';

@ObjectType({ description: 'Completed hours of one course kind' })
export class TrainingHoursByKind {
  @Field(() => CourseKindEnum)
  kind: CourseKind;

  @Field(() => Float)
  hours: number;
}

function completionsLoader(ctx: RequestContext, records: TrainingRecordService) {
  return ctx.loaders.get<string, TrainingCompletion[]>('trainingCompletion.byPerson', (ids) => records.completionsOf(ids));
}

/** The hour totals read only the counting completions' kind, hours, date and child/family flag. */
function countingFactsLoader(ctx: RequestContext, records: TrainingRecordService) {
  return ctx.loaders.get<string, CompletionFacts[]>('trainingCompletion.countingFactsByPerson', records.countingFactsOf);
}

@Resolver(() => Person)
export class PersonTrainingResolver {
  constructor(private readonly records: TrainingRecordService) {}

  @Authorized()
  @Query(() => [TrainingCompletion], { description: "A person's completed training (staff or the person themself)" })
  trainingCompletions(@Arg('personId', () => ID) personId: string, @Ctx() ctx: RequestContext) {
    requireStaffOrSelf(ctx.principal, personId);
    return completionsLoader(ctx, this.records).load(personId);
  }

  @Authorized()
  @FieldResolver(() => [TrainingCompletion], { name: 'trainingCompletions', nullable: true, description: 'Completed training, newest first (staff, the person themself, or another domain as SERVICE). Null when training cannot answer (the gateway then reports SERVICE_UNAVAILABLE naming training).' })
  completionsOfPerson(@Root() person: Person, @Ctx() ctx: RequestContext) {
    requireStaffSelfOrService(ctx.principal, person.id);
    return completionsLoader(ctx, this.records).load(person.id);
  }

  @Authorized()
  @FieldResolver(() => Float, { nullable: true, description: 'Total hours of completed training that count toward certification (completed on or after `since` when given). Null when training cannot answer (the gateway then reports SERVICE_UNAVAILABLE naming training).' })
  async trainingHours(@Root() person: Person, @Ctx() ctx: RequestContext, @Arg('since', () => LocalDateResolver, { nullable: true }) since?: string | null) {
    requireStaffOrSelf(ctx.principal, person.id);
    return totalHours(completedSince(await countingFactsLoader(ctx, this.records).load(person.id), since));
  }

  @Authorized()
  @FieldResolver(() => [TrainingHoursByKind], { nullable: true, description: 'Completed hours that count toward certification per course kind, kinds with hours only (completed on or after `since` when given: recertification counts hours since the last certification). Null when training cannot answer (the gateway then reports SERVICE_UNAVAILABLE naming training).' })
  async trainingHoursByKind(@Root() person: Person, @Ctx() ctx: RequestContext, @Arg('since', () => LocalDateResolver, { nullable: true }) since?: string | null) {
    requireStaffOrSelf(ctx.principal, person.id);
    return hoursByKind(completedSince(await countingFactsLoader(ctx, this.records).load(person.id), since));
  }

  @Authorized()
  @FieldResolver(() => Float, { nullable: true, description: 'Completed hours about children and families (completed on or after `since` when given). Null when training cannot answer (the gateway then reports SERVICE_UNAVAILABLE naming training).' })
  async childAndFamilyTrainingHours(@Root() person: Person, @Ctx() ctx: RequestContext, @Arg('since', () => LocalDateResolver, { nullable: true }) since?: string | null) {
    requireStaffOrSelf(ctx.principal, person.id);
    return totalHours(completedSince(await countingFactsLoader(ctx, this.records).load(person.id), since).filter((c) => c.childAndFamily));
  }
}
