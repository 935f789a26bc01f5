// "Find training": the public catalog of upcoming sessions, without sign-in. It exposes only what a
// prospective participant needs (no trainer identity, no roster).
import type { CourseKind, SessionDelivery } from '@cpss/domain';
import { Connection, ConnectionArgs, type RequestContext } from '@cpss/server-kit';
import { MaxLength } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Args, ArgsType, Ctx, Field, FieldResolver, Float, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Course } from '../entities/course';
import { SessionDeliveryEnum } from '../entities/enums';
import { SessionDay, type TrainingSession } from '../entities/session';
import { CourseKindEnum } from '../entities/training-completion';
import type { SessionService } from '../services/session.service';

@ObjectType({ description: 'An upcoming session open to the public catalog' })
export class TrainingCatalogEntry {
  @Field(() => ID, { description: 'The session id, to register with' })
  id: string;

  @Field()
  courseTitle: string;

  @Field(() => CourseKindEnum)
  courseKind: CourseKind;

  @Field(() => Float, { description: 'Face-to-face plus pre-work hours' })
  courseHours: number;

  @Field()
  childAndFamily: boolean;

  @Field(() => SessionDeliveryEnum)
  delivery: SessionDelivery;

  @Field(() => String, { nullable: true })
  address: string | null;

  @Field(() => String, { nullable: true })
  county: string | null;

  @Field(() => LocalDateResolver)
  firstDay: string;

  @Field(() => LocalDateResolver)
  lastDay: string;

  @Field(() => LocalDateResolver)
  registrationOpensOn: string;

  @Field(() => LocalDateResolver)
  registrationClosesOn: string;

  @Field(() => Int)
  capacity: number;
}

@ObjectType()
export class TrainingCatalogConnection extends Connection(TrainingCatalogEntry, 'TrainingCatalogEntry') {}

@ArgsType()
export class TrainingCatalogArgs extends ConnectionArgs {
  @Field(() => CourseKindEnum, { nullable: true })
  kind?: CourseKind | null;

  @Field(() => String, { nullable: true })
  @MaxLength(40)
  county?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: virtual only; false: in person only' })
  virtual?: boolean | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'First day on or after' })
  from?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'First day on or before' })
  to?: string | null;
}

function entryOf(s: TrainingSession & { course: Course }): TrainingCatalogEntry {
  return {
    id: s.id, courseTitle: s.course.title, courseKind: s.course.kind, courseHours: s.course.totalHours, childAndFamily: s.course.childAndFamily,
    delivery: s.delivery, address: s.address, county: s.county, firstDay: s.firstDay, lastDay: s.lastDay,
    registrationOpensOn: s.registrationOpensOn, registrationClosesOn: s.registrationClosesOn, capacity: s.capacity,
  };
}

@Resolver(() => TrainingCatalogEntry)
export class TrainingCatalogResolver {
  constructor(private readonly sessions: SessionService) {}

  @Query(() => TrainingCatalogConnection, { description: 'Public: upcoming sessions by first day, filtered by kind, county, virtual and dates' })
  async trainingCatalog(@Args() args: TrainingCatalogArgs) {
    const page = await this.sessions.catalog(args.first, args.after, args);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: entryOf(e.node) })) };
  }

  @FieldResolver(() => [SessionDay])
  days(@Root() entry: TrainingCatalogEntry, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get('session.days', this.sessions.daysOf).load(entry.id);
  }

  @FieldResolver(() => Int, { description: 'Seats not yet taken (0: registrations go to the waitlist)' })
  async seatsLeft(@Root() entry: TrainingCatalogEntry, @Ctx() ctx: RequestContext) {
    const { enrolled } = await ctx.loaders.get('session.counts', this.sessions.countsOf).load(entry.id);
    return Math.max(0, entry.capacity - enrolled);
  }
}
