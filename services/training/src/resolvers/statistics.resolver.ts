// Training statistics for program staff's dashboard.
import { CourseKind, STAFF_ROLES } from '@cpss/domain';
import type { Clock } from '@cpss/server-kit';
import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Authorized, Field, FieldResolver, Float, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { CourseKindEnum } from '../entities/training-completion';
import type { TrainingStatisticsService } from '../services/training-statistics.service';

@ObjectType({ description: 'Completions and hours of one course kind in the period' })
export class TrainingKindCount {
  @Field(() => CourseKindEnum)
  kind: CourseKind;

  @Field(() => Int)
  completions: number;

  @Field(() => Float)
  hours: number;
}

@ObjectType({ description: 'Completions in one month' })
export class TrainingMonthCount {
  @Field({ description: 'YYYY-MM' })
  month: string;

  @Field(() => Int)
  completions: number;
}

@ObjectType({ description: 'Training completions that count toward certification, in a period' })
export class TrainingStatistics {
  @Field(() => LocalDateResolver)
  from: string;

  @Field(() => LocalDateResolver)
  to: string;

  /** The default period (the 12 months to today): its counts may be served from the cache. */
  recent?: boolean;
}

@Resolver(() => TrainingStatistics)
export class TrainingStatisticsResolver {
  constructor(
    private readonly statistics: TrainingStatisticsService,
    private readonly clock: Clock,
  ) {}

  @Authorized(STAFF_ROLES)
  @Query(() => TrainingStatistics, { description: 'Training completions by course kind and per month (staff); the last 12 months by default' })
  trainingStatistics(
    @Arg('from', () => LocalDateResolver, { nullable: true }) from?: string | null,
    @Arg('to', () => LocalDateResolver, { nullable: true }) to?: string | null,
  ): TrainingStatistics {
    return this.statistics.period(this.clock.today(), from, to);
  }

  @FieldResolver(() => [TrainingKindCount], { description: 'Kinds with completions, most first' })
  byKind(@Root() s: TrainingStatistics) {
    return this.statistics.byKind(s);
  }

  @FieldResolver(() => [TrainingMonthCount], { description: 'Every month of the period, with zeros' })
  perMonth(@Root() s: TrainingStatistics) {
    return this.statistics.perMonth(s);
  }
}
