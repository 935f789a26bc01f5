// The context every resolver receives: who is calling, the request id, a logger bound to it, and
// the request's DataLoaders.
import type { Logger } from 'pino';
import type { Principal } from './auth';
import { LoaderRegistry } from './loaders';

export interface RequestContext {
  requestId: string;
  principal: Principal | null;
  logger: Logger;
  loaders: LoaderRegistry;
  /** The request carries the gateway's valid signature (see gateway-signature.ts). */
  viaGateway: boolean;
}
