import { NavLink } from 'react-router';

/** The pages anyone may use without signing in. */
export const PUBLIC_LINKS = [
  { to: '/registry', label: 'Registry look-up', testId: 'nav-registry' },
  { to: '/training', label: 'Find training', testId: 'nav-training' },
  { to: '/verify', label: 'Verify a certificate', testId: 'nav-verify' },
  { to: '/complaint', label: 'File a complaint', testId: 'nav-complaint' },
] as const;

export function PublicNav({ className = 'nav__links' }: { className?: string }) {
  return (
    <nav aria-label="Public services" data-testid="public-nav">
      <ul className={className}>
        {PUBLIC_LINKS.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end data-testid={link.testId} className="nav__link">
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
