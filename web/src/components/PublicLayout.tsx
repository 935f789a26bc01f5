// The frame of the public pages (no sign-in): the header with the public links, and an urql client
// for anonymous callers. A signed-in visitor's cookie still travels, but an UNAUTHENTICATED answer
// here never signs anyone out or redirects.
import { useMemo } from 'react';
import { Link, Outlet } from 'react-router';
import { Provider } from 'urql';
import { createGraphqlClient } from '../graphql';
import { useSession } from '../session';
import { AppHeader } from './AppHeader';
import { PublicNav } from './PublicNav';

export function PublicLayout() {
  const { state } = useSession();
  const client = useMemo(() => createGraphqlClient({}), []);
  return (
    <Provider value={client}>
      <AppHeader>
        <div className="nav">
          <PublicNav />
          <div className="nav__account">
            {state.status === 'signedIn' ? (
              <Link to="/" className="button button--on-dark">
                My account
              </Link>
            ) : (
              <Link to="/signin" className="button button--on-dark" data-testid="public-signin">
                Sign in
              </Link>
            )}
          </div>
        </div>
      </AppHeader>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </Provider>
  );
}
