import type { ReactNode } from 'react';
import { Link } from 'react-router';

export const PROGRAM_NAME = 'NC Certified Peer Support Specialist Program';

/** The header bar every page shows; signed-in pages put the navigation in it. */
export function AppHeader({ children }: { children?: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              CPSS
            </span>
            <span className="brand__name">{PROGRAM_NAME}</span>
          </Link>
          {children}
        </div>
      </header>
    </>
  );
}
