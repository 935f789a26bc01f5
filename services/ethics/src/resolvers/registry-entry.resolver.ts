// Public, like the registry: final disciplinary actions only, never complaint detail.
import type { RequestContext } from '@cpss/server-kit';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { RegistryEntry } from '../entities/registry-entry';
import type { EthicsServices } from '../ethics-services';
import { publicStatusLoader } from './person.resolver';
import { PublicDisciplinaryStatus } from './types/complaint.types';

@Resolver(() => RegistryEntry)
export class RegistryEntryEthicsResolver {
  constructor(private readonly s: EthicsServices) {}

  @FieldResolver(() => PublicDisciplinaryStatus, { nullable: true, description: 'Final disciplinary actions in effect (public). Null when ethics cannot answer (the gateway then reports SERVICE_UNAVAILABLE naming ethics).' })
  @Directive('@requires(fields: "personId")')
  disciplinaryStatus(@Root() entry: RegistryEntry, @Ctx() ctx: RequestContext) {
    return publicStatusLoader(ctx, this.s).load(entry.personId);
  }
}
