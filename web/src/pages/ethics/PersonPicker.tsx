// Picks a person of the program by part of their name (staff search over `people`): used to link a
// complaint's respondent at intake or triage. The list is the server's search, not filtered here.
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useQuery } from 'urql';
import { displayName } from '../../format';
import { graphql } from '../../gql';

export const RespondentSearchQuery = graphql(`
  query RespondentSearch($search: String!) {
    people(first: 10, search: $search) {
      edges {
        node {
          id
          legalName
          preferredName
          county
        }
      }
    }
  }
`);

export function PersonPicker({
  label,
  description,
  value,
  onChange,
  error,
  testId,
}: {
  label: string;
  description?: string;
  value: string | null;
  onChange: (personId: string | null) => void;
  error?: string;
  testId?: string;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const [result] = useQuery({ query: RespondentSearchQuery, variables: { search: debounced }, pause: debounced.length < 2 });
  const found = (result.data?.people.edges ?? []).map(({ node }) => ({ value: node.id, label: `${displayName(node)} · ${node.county}` }));
  // Keep the chosen person selectable while the search shows others.
  const data = chosen && !found.some((p) => p.value === chosen.value) ? [chosen, ...found] : found;

  return (
    <Select
      label={label}
      description={description}
      placeholder="Type part of a name"
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={data}
      value={value}
      onChange={(id, option) => {
        setChosen(id && option ? { value: id, label: option.label } : null);
        onChange(id);
      }}
      nothingFoundMessage={debounced.length < 2 ? 'Type at least two letters' : result.fetching ? 'Searching…' : result.error ? 'Could not search people' : 'No one found'}
      error={error}
      data-testid={testId}
    />
  );
}
