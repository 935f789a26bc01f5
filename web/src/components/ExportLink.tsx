// "Export CSV": a download link to the gateway's GET /export/<list>.csv with the page's current
// filters (the session cookie signs the request). The gateway runs the list's query as the
// signed-in user, so the file holds what the page would, every page of it, and only the columns
// the user may read.

export type ExportParams = Record<string, string | number | boolean | readonly string[] | null | undefined>;

/** The export's URL: empty filters left out, lists joined by commas. */
export function exportHref(list: string, params: ExportParams = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) query.set(key, value.join(','));
    } else query.set(key, String(value));
  }
  const qs = query.toString();
  return `/export/${list}.csv${qs ? `?${qs}` : ''}`;
}

export function ExportLink({ list, params, label = 'Export CSV', title }: { list: string; params?: ExportParams; label?: string; title?: string }) {
  return (
    <a className="button button--secondary export-link" href={exportHref(list, params)} download data-testid={`export-${list}`} title={title ?? 'Download this list, with its filters, as a CSV file'}>
      {label}
    </a>
  );
}
