// The second gateway for comparison: the same committed supergraph (services/gateway/supergraph.graphql)
// served by Hive Gateway (npm @graphql-hive/gateway, as a library) on node:http, forwarding the
// caller's Authorization and x-request-id to the subgraphs as the Apollo gateway does, and signing
// each subgraph request with SUBGRAPH_SECRET (x-cpss-gateway) as it does too (a plugin's onFetch).
//
//   PORT=4901 CERTIFICATION_URL=... TRAINING_URL=... ETHICS_URL=... SUBGRAPH_SECRET=... DEDUPE=off|outbound|all \
//     node --import tsx test/bench/hive-gateway.ts
//
// DEDUPE: `off` sends every subgraph request; `outbound` (Hive's default) collapses identical
// in-flight subgraph requests; `all` also collapses identical in-flight client requests
// (inboundInflightRequestDeduplication, off by default in Hive).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { GATEWAY_SIGNATURE_HEADER, signGatewayRequest } from '@cpss/server-kit';

export const SUPERGRAPH_FILE = join(__dirname, '..', '..', 'services', 'gateway', 'supergraph.graphql');

/** The committed supergraph with each subgraph's url pointed at the running one. */
export function supergraphFor(urls: Record<'certification' | 'training' | 'ethics', string>): string {
  let sdl = readFileSync(SUPERGRAPH_FILE, 'utf8');
  for (const [name, url] of Object.entries(urls)) {
    const pattern = new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]*(")`);
    if (!pattern.test(sdl)) throw new Error(`the supergraph has no subgraph named ${name}`);
    sdl = sdl.replace(pattern, `$1${url}$2`);
  }
  return sdl;
}

function main() {
  const env = process.env;
  const dedupe = env['DEDUPE'] ?? 'off';
  const supergraph = supergraphFor({ certification: env['CERTIFICATION_URL']!, training: env['TRAINING_URL']!, ethics: env['ETHICS_URL']! });
  const secret = env['SUBGRAPH_SECRET'];
  if (!secret || secret.length < 32) throw new Error('hive-gateway: SUBGRAPH_SECRET (at least 32 characters) is required, as for the Apollo gateway');
  const gateway = createGatewayRuntime({
    supergraph,
    logging: 'error',
    graphqlEndpoint: '/graphql',
    landingPage: false,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({
        authorization: request.headers.get('authorization') ?? undefined,
        'x-request-id': request.headers.get('x-request-id') ?? undefined,
      }),
    },
    transportEntries: { '*.http': { options: { deduplicateInflightRequests: dedupe !== 'off' } } },
    inboundInflightRequestDeduplication: dedupe === 'all',
    // The subgraphs answer only requests the gateway signed: the exact body sent, at send time.
    plugins: () => [
      {
        onFetch({ options, setOptions }) {
          const body = typeof options.body === 'string' ? options.body : '';
          setOptions({ ...options, headers: { ...(options.headers as Record<string, string>), [GATEWAY_SIGNATURE_HEADER]: signGatewayRequest(secret, body) } });
        },
      },
    ],
  });
  const server = createServer(gateway);
  server.listen(Number(env['PORT']), env['HOST'] ?? '127.0.0.1', () => process.stdout.write(`hive gateway listening (dedupe ${dedupe})\n`));
  const stop = () => server.close(() => void Promise.resolve(gateway.dispose()).finally(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
}

if (require.main === module) main();
