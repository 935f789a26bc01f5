// The admin's view of the commands ethics decisions send to certification and training (hold an
// application, suspend or revoke a certification, remove a trainer): the stuck ones first — failed
// often enough that someone should look, still retried — then every command, oldest first, page by
// page ("Load more": graphcache stitches the pages, see graphql.ts). A pending command can be tried
// again now; the row then says what came of it once the page has re-read the commands.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { RefusalAlert } from '../../components/Refusal';
import { ErrorAlert, Loading } from '../../components/Status';
import { countLabel } from '../../format';
import { CommandTable, formatTime, type Command } from './CommandTable';
import { OutboundCommandsDocument, RetryOutboundCommandDocument, StuckOutboundCommandsDocument } from './commandDocuments';
import { commandTypeLabel, retryResult } from './commandModel';

export const COMMANDS_PAGE_SIZE = 25;
const STUCK_PAGE_SIZE = 50;
/** After a retry, the delivery job needs a moment: the page re-reads the commands after these delays. */
const RECHECK_AFTER_MS = [2_000, 6_000];

export function CommandsPage() {
  const client = useClient();
  // The cursors of the pages loaded so far (null: the first page); the last one is being shown.
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const after = pages[pages.length - 1] ?? null;
  const [all, reexecuteAll] = useQuery({ query: OutboundCommandsDocument, variables: { first: COMMANDS_PAGE_SIZE, after }, requestPolicy: 'cache-and-network' });
  const [stuck, reexecuteStuck] = useQuery({ query: StuckOutboundCommandsDocument, variables: { first: STUCK_PAGE_SIZE }, requestPolicy: 'cache-and-network' });
  const [retrying, retry] = useMutation(RetryOutboundCommandDocument);
  const [retryingId, setRetryingId] = useState<string | null>(null);
  const [retried, setRetried] = useState<ReadonlyMap<string, number>>(new Map());
  const [lastRetried, setLastRetried] = useState<Command | null>(null);
  const timers = useRef<ReturnType<typeof setTimeout>[]>([]);
  useEffect(() => () => timers.current.forEach(clearTimeout), []);

  /** Re-reads the stuck list and every page loaded (the answers update the rows through the cache). */
  const refresh = useCallback(() => {
    reexecuteStuck({ requestPolicy: 'network-only' });
    for (const page of pages) void client.query(OutboundCommandsDocument, { first: COMMANDS_PAGE_SIZE, after: page }, { requestPolicy: 'network-only' }).toPromise();
  }, [client, pages, reexecuteStuck]);

  async function onRetry(command: Command) {
    setRetryingId(command.id);
    const result = await retry({ id: command.id });
    setRetryingId(null);
    if (!result.data) {
      setLastRetried(command);
      return;
    }
    setRetried((m) => new Map(m).set(command.id, command.attempts));
    setLastRetried(command);
    timers.current.push(...RECHECK_AFTER_MS.map((ms) => setTimeout(refresh, ms)));
  }

  const list = all.data?.ethicsOutboundCommands;
  const stuckList = stuck.data?.ethicsOutboundCommands;
  const stuckCommands = (stuckList?.edges ?? []).map((e) => e.node).filter((c) => c.stuck);
  const commands = (list?.edges ?? []).map((e) => e.node);
  const nextCursor = list?.pageInfo.hasNextPage ? list.pageInfo.endCursor : null;
  // The retried command as the cache has it now (its row may be on any page).
  const current = lastRetried ? ([...commands, ...stuckCommands].find((c) => c.id === lastRetried.id) ?? lastRetried) : null;
  const tableProps = { busy: all.fetching || stuck.fetching, retried, retrying: retryingId, onRetry };

  return (
    <section aria-labelledby="commands-title">
      <title>Cross-domain commands · CPSS Platform</title>
      <h1 id="commands-title">Cross-domain commands</h1>
      <p className="lede">
        What ethics decisions asked certification and training to do, and whether it was done. Delivery is retried with a growing delay until the other domain answers; a command
        that keeps failing is marked stuck.
      </p>
      <div className="toolbar">
        <p className="toolbar__status" role="status" data-testid="retry-status">
          {current && retrying.error && `${commandTypeLabel(current.type)} was not retried.`}
          {current && !retrying.error && retried.has(current.id) && `${commandTypeLabel(current.type)}: ${retryResult(current, retried.get(current.id)!, formatTime)}`}
        </p>
        <button type="button" className="button button--secondary" onClick={refresh} disabled={all.fetching || stuck.fetching}>
          Refresh
        </button>
      </div>
      <RefusalAlert error={retrying.error} title="The command was not retried" what="this command" onReload={refresh} testId="retry-refusal" />

      <section className="card" aria-labelledby="stuck-title" data-testid="commands-stuck">
        <h2 id="stuck-title">
          Stuck <span className="queue__total" data-testid="commands-stuck-total">{stuckList ? stuckList.totalCount : '…'}</span>
        </h2>
        {stuck.error && <ErrorAlert error={stuck.error} title="Could not load the stuck commands" onRetry={() => reexecuteStuck({ requestPolicy: 'network-only' })} />}
        {!stuckList && stuck.fetching && <Loading>Loading the stuck commands…</Loading>}
        {stuckList && stuckCommands.length === 0 && (
          <p className="muted" data-testid="commands-stuck-empty">
            No command is stuck: every pending command is still within its retries.
          </p>
        )}
        {stuckCommands.length > 0 && <CommandTable label="Stuck commands" testId="commands-stuck-table" commands={stuckCommands} {...tableProps} />}
      </section>

      <section className="card" aria-labelledby="all-title" data-testid="commands-all">
        <h2 id="all-title">
          All commands <span className="queue__total" data-testid="commands-all-total">{list ? list.totalCount : '…'}</span>
        </h2>
        <p className="muted" data-testid="commands-count">
          {list ? `Oldest first: ${countLabel(list.totalCount, commands.length, 'command', 'commands')}.` : ''}
        </p>
        {all.error && <ErrorAlert error={all.error} title="Could not load the commands" onRetry={() => reexecuteAll({ requestPolicy: 'network-only' })} />}
        {!list && all.fetching && <Loading>Loading the commands…</Loading>}
        {list && commands.length === 0 && (
          <p className="muted" data-testid="commands-empty">
            No command has been sent yet: ethics sends one when a decision needs another domain to act.
          </p>
        )}
        {commands.length > 0 && <CommandTable label="All commands" testId="commands-table" commands={commands} {...tableProps} />}
        {nextCursor && (
          <div className="load-more">
            <button type="button" className="button button--secondary" disabled={all.fetching} onClick={() => setPages((p) => [...p, nextCursor])} data-testid="commands-load-more">
              Load more
            </button>
            {all.fetching && after && <Loading>Loading more commands…</Loading>}
          </div>
        )}
      </section>
    </section>
  );
}
