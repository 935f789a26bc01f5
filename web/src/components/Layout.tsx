// The frame of every signed-in page: header, role-aware navigation, and the page itself.
import { useState } from 'react';
import { NavLink, Outlet } from 'react-router';
import { AuthError } from '../auth';
import { navLinksFor, roleLabels } from '../roles';
import { useSession, useUser } from '../session';
import { AppHeader } from './AppHeader';
import { ErrorAlert } from './Status';

export function Layout() {
  const user = useUser();
  const { signOut } = useSession();
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<string | null>(null);

  async function handleSignOut() {
    setSigningOut(true);
    setSignOutError(null);
    try {
      await signOut();
    } catch (err) {
      setSignOutError(err instanceof AuthError ? err.message : String(err));
      setSigningOut(false);
    }
  }

  return (
    <>
      <AppHeader>
        <nav data-testid="nav" aria-label="Main" className="nav">
          <ul className="nav__links">
            {navLinksFor(user.roles).map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end data-testid={link.testId} className="nav__link">
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
          <div className="nav__account">
            <p data-testid="signed-in-as" className="nav__user">
              Signed in as <strong>{user.name}</strong> <span className="nav__roles">· {roleLabels(user.roles)}</span>
            </p>
            <button type="button" className="button button--on-dark" onClick={handleSignOut} disabled={signingOut}>
              Sign out
            </button>
          </div>
        </nav>
      </AppHeader>
      <main id="main" className="main" tabIndex={-1}>
        {signOutError && <ErrorAlert title="Sign-out failed" messages={[signOutError]} />}
        <Outlet />
      </main>
    </>
  );
}
