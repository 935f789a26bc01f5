// Program statistics for staff dashboards (aggregates only; no person is identifiable from them).
import { STAFF_ROLES } from '@cpss/domain';
import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Authorized, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { StatisticsService } from '../services/statistics.service';

@ObjectType('CertificationCount')
export class CertificationCount {
  @Field()
  key: string;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class CertificationMonth {
  @Field({ description: 'YYYY-MM' })
  month: string;

  @Field(() => Int)
  issued: number;

  @Field(() => Int)
  lapsed: number;

  @Field(() => Int, { description: "Certified (in good standing) at the month's end, or on the day asked for its current month" })
  inGoodStanding: number;
}

@ObjectType({ description: 'Counts for the program dashboards; "in good standing" is active, due or late on the date' })
export class CertificationStatistics {
  @Field(() => LocalDateResolver)
  on: string;

  @Field(() => [CertificationCount])
  applicationsByStatus: CertificationCount[];

  @Field(() => [CertificationCount])
  certificationsByStatus: CertificationCount[];

  @Field(() => [CertificationCount])
  inGoodStandingByCounty: CertificationCount[];

  @Field(() => [CertificationCount])
  inGoodStandingByDesignation: CertificationCount[];

  @Field(() => [CertificationCount])
  inGoodStandingByAgeBand: CertificationCount[];

  @Field(() => [CertificationCount])
  inGoodStandingByGender: CertificationCount[];

  @Field(() => [CertificationCount])
  inGoodStandingByVeteranStatus: CertificationCount[];

  @Field(() => [CertificationCount])
  inGoodStandingByRaceEthnicity: CertificationCount[];

  @Field(() => [CertificationMonth], { description: 'The last 12 months up to the date' })
  perMonth: CertificationMonth[];
}

@Resolver()
export class StatisticsResolver {
  constructor(private readonly statistics: StatisticsService) {}

  @Authorized(STAFF_ROLES)
  @Query(() => CertificationStatistics, { description: 'Program statistics on a date (today by default): program staff' })
  certificationStatistics(@Arg('on', () => LocalDateResolver, { nullable: true }) on?: string | null) {
    return this.statistics.statistics(on ?? undefined);
  }
}
