import { useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, type To } from 'react-router';
import { AuthError } from '../auth';
import { AppHeader } from '../components/AppHeader';
import { PublicNav } from '../components/PublicNav';
import { Loading } from '../components/Status';
import { useSession } from '../session';

/** What <RequireAuth> passes along: the page the visitor was sent away from. */
export interface SignInLocationState {
  from?: { pathname: string; search: string; hash: string };
}

function destinationOf(state: unknown): To {
  const from = (state as SignInLocationState | null)?.from;
  // Never bounce back to the sign-in page itself.
  return from && from.pathname !== '/signin' ? from : '/';
}

export function SignInPage() {
  const { state, signIn } = useSession();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (state.status === 'signedIn') return <Navigate to={destinationOf(location.state)} replace />;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      // On success the session becomes signed in and the <Navigate> above takes over.
      await signIn(email.trim(), password);
    } catch (err) {
      setError(err instanceof AuthError ? err.message : 'Sign-in failed; try again');
      setSubmitting(false);
    }
  }

  return (
    <>
      <title>Sign in · CPSS Platform</title>
      <AppHeader>
        <div className="nav">
          <PublicNav />
        </div>
      </AppHeader>
      <main id="main" className="main main--narrow">
        <section className="card signin" aria-labelledby="signin-title">
          <h1 id="signin-title">Sign in to CPSS Platform</h1>
          {state.status === 'loading' ? (
            <Loading>Checking your sign-in…</Loading>
          ) : (
            <>
              {state.status === 'signedOut' && state.reason === 'expired' && (
                <p role="status" className="alert alert--info">
                  Your session has expired. Sign in again to continue.
                </p>
              )}
              {state.status === 'error' && (
                <p role="status" className="alert alert--info">
                  The server could not be reached a moment ago: {state.message}
                </p>
              )}
              {/* noValidate: the server's own message explains missing fields, announced as an alert. */}
              <form className="form" onSubmit={handleSubmit} noValidate aria-busy={submitting}>
                <div className="field">
                  <label htmlFor="signin-email">Email</label>
                  <input
                    id="signin-email"
                    name="email"
                    type="email"
                    autoComplete="username"
                    required
                    value={email}
                    onChange={(e) => setEmail(e.target.value)}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? 'signin-error' : undefined}
                  />
                </div>
                <div className="field">
                  <label htmlFor="signin-password">Password</label>
                  <input
                    id="signin-password"
                    name="password"
                    type="password"
                    autoComplete="current-password"
                    required
                    value={password}
                    onChange={(e) => setPassword(e.target.value)}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? 'signin-error' : undefined}
                  />
                </div>
                {error && (
                  <p role="alert" id="signin-error" className="alert alert--error" data-testid="signin-error">
                    {error}
                  </p>
                )}
                <button type="submit" className="button button--primary" disabled={submitting}>
                  Sign in
                </button>
              </form>
              <p className="hint">Demo accounts for each role are listed in the README.</p>
              <section aria-labelledby="public-services-title" className="public-services">
                <h2 id="public-services-title">No account needed</h2>
                <ul>
                  <li>
                    <Link to="/registry">Look up a certified peer support specialist</Link>
                  </li>
                  <li>
                    <Link to="/training">Find training</Link>
                  </li>
                  <li>
                    <Link to="/verify">Verify a training certificate</Link>
                  </li>
                  <li>
                    <Link to="/complaint">File a complaint</Link>
                  </li>
                </ul>
              </section>
            </>
          )}
        </section>
      </main>
    </>
  );
}
