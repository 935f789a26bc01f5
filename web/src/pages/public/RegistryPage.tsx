import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { ExportLink, type ExportParams } from '../../components/ExportLink';
import { ErrorAlert, Loading } from '../../components/Status';
import { graphql } from '../../gql';
import type { RegistryLookupQuery as RegistryLookupResult } from '../../gql/graphql';
import { CERTIFICATION_STATUS_LABELS, DESIGNATION_LABELS, label } from '../../labels';
import { useSession } from '../../session';

export const RegistryLookupQuery = graphql(`
  query RegistryLookup($certificationNumber: String!) {
    registryLookup(certificationNumber: $certificationNumber) {
      certificationNumber
      name
      county
      status
      goodThrough
      statusEffectiveOn
      designations
    }
  }
`);

export const RegistrySearchQuery = graphql(`
  query RegistrySearch($name: String!, $county: String!) {
    registrySearch(name: $name, county: $county) {
      certificationNumber
      name
      county
      status
      goodThrough
      statusEffectiveOn
      designations
    }
  }
`);

type Entry = NonNullable<RegistryLookupResult['registryLookup']>;

type Search = { by: 'number'; number: string } | { by: 'name'; name: string; county: string };

export function RegistryPage() {
  const [search, setSearch] = useState<Search | null>(null);
  const [number, setNumber] = useState('');
  const [name, setName] = useState('');
  const [county, setCounty] = useState('');
  const [formError, setFormError] = useState<string | null>(null);

  function byNumber(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const n = number.trim();
    if (!n) return setFormError('Enter a certification number, e.g. NC-CPSS-000101');
    setFormError(null);
    setSearch({ by: 'number', number: n });
  }

  function byName(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!name.trim() || !county.trim()) return setFormError('Enter both a name and a county');
    setFormError(null);
    setSearch({ by: 'name', name: name.trim(), county: county.trim() });
  }

  return (
    <>
      <title>Registry look-up · CPSS Platform</title>
      <h1>Registry look-up</h1>
      <p className="lede">Check whether a peer support specialist is certified in North Carolina. No sign-in needed.</p>
      <div className="columns">
        <form className="card form" onSubmit={byNumber} noValidate aria-labelledby="by-number-title">
          <h2 id="by-number-title">By certification number</h2>
          <div className="field">
            <label htmlFor="registry-number">Certification number</label>
            <input id="registry-number" value={number} onChange={(e) => setNumber(e.target.value)} placeholder="NC-CPSS-000101" autoComplete="off" />
          </div>
          <button type="submit" className="button button--primary">
            Look up number
          </button>
        </form>
        <form className="card form" onSubmit={byName} noValidate aria-labelledby="by-name-title">
          <h2 id="by-name-title">By name and county</h2>
          <div className="field">
            <label htmlFor="registry-name">Name</label>
            <input id="registry-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor="registry-county">County</label>
            <input id="registry-county" value={county} onChange={(e) => setCounty(e.target.value)} autoComplete="off" />
          </div>
          <button type="submit" className="button button--primary">
            Search registry
          </button>
        </form>
      </div>
      {formError && (
        <p role="alert" className="alert alert--error">
          {formError}
        </p>
      )}
      {search?.by === 'number' && <LookupResult number={search.number} />}
      {search?.by === 'name' && <SearchResult name={search.name} county={search.county} />}
    </>
  );
}

function LookupResult({ number }: { number: string }) {
  const [result, reexecute] = useQuery({ query: RegistryLookupQuery, variables: { certificationNumber: number } });
  if (result.error) return <ErrorAlert error={result.error} title="Could not search the registry" onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!result.data) return <Loading>Searching the registry…</Loading>;
  const entry = result.data.registryLookup;
  return <Results entries={entry ? [entry] : []} none={`No certification has the number “${number}”.`} exportParams={{ number }} />;
}

function SearchResult({ name, county }: { name: string; county: string }) {
  const [result, reexecute] = useQuery({ query: RegistrySearchQuery, variables: { name, county } });
  if (result.error) return <ErrorAlert error={result.error} title="Could not search the registry" onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!result.data) return <Loading>Searching the registry…</Loading>;
  return <Results entries={result.data.registrySearch} none={`No certified person named “${name}” in ${county} County.`} exportParams={{ name, county }} />;
}

function Results({ entries, none, exportParams }: { entries: readonly Entry[]; none: string; exportParams: ExportParams }) {
  // Exports are for signed-in users (the public page has no session to send).
  const signedIn = useSession().state.status === 'signedIn';
  if (entries.length === 0) {
    return (
      <p role="status" className="muted" data-testid="registry-empty">
        {none}
      </p>
    );
  }
  return (
    <section aria-labelledby="registry-results-title">
      <h2 id="registry-results-title">Results</h2>
      <p role="status" className="muted">
        {entries.length === 1 ? '1 certification found' : `${entries.length} certifications found`}
      </p>
      {signedIn && <ExportLink list="registry" params={exportParams} />}
      <div className="table-wrap" role="region" aria-label="Registry results" tabIndex={0}>
        <table className="table" data-testid="registry-results">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Certification number</th>
              <th scope="col">County</th>
              <th scope="col">Status</th>
              <th scope="col">Good through</th>
              <th scope="col">Designations</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.certificationNumber} data-testid="registry-row">
                <th scope="row">{e.name}</th>
                <td>{e.certificationNumber}</td>
                <td>{e.county}</td>
                <td data-testid="registry-status">
                  {label(CERTIFICATION_STATUS_LABELS, e.status)}
                  {e.statusEffectiveOn && (
                    <>
                      {' '}
                      since <time dateTime={e.statusEffectiveOn}>{e.statusEffectiveOn}</time>
                    </>
                  )}
                </td>
                <td>{e.goodThrough ? <time dateTime={e.goodThrough}>{e.goodThrough}</time> : '—'}</td>
                <td>{e.designations.length === 0 ? 'None' : e.designations.map((d) => label(DESIGNATION_LABELS, d)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
