import { Center, Loader } from '@mantine/core';
import type { Me } from '@plasticity/contracts';
import { type ReactNode, Suspense, useEffect, useRef } from 'react';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { LoadingState } from '../ui/LoadingState.tsx';
import { useAuth } from './auth.tsx';
import { NotFound } from './NotFound.tsx';
import { PortalShell } from './PortalShell.tsx';
import { matchRoute, navFor, routeExists } from './registry.ts';
import { useNavigate, usePathname } from './router.tsx';
import { Shell } from './Shell.tsx';
import { useSessionLifetime } from './session.ts';

const LOGIN = '/login';

function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · Plasticity`;
  }, [title]);
}

/** After an in-app navigation, move focus to the new page's heading for screen-reader users. */
function useFocusHeadingOnNavigate(pathname: string) {
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per navigation, by design
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const id = window.setTimeout(() => {
      const heading = document.querySelector<HTMLElement>('main h1');
      if (heading && !heading.contains(document.activeElement)) {
        heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
      }
    }, 0);
    return () => window.clearTimeout(id);
  }, [pathname]);
}

export function AppRoutes() {
  const { state } = useAuth();
  const pathname = usePathname();
  const navigate = useNavigate();
  // A deep link opened while signed out is honoured after sign-in; after a logout or an expiry
  // the next person starts at the home page instead.
  const intended = useRef<string | null>(pathname === LOGIN ? null : pathname);
  const role = state.status === 'signedIn' ? state.me.role : null;
  const match = matchRoute(pathname, role);
  const isPublic = match?.route.roles === 'public';

  useEffect(() => {
    if (isPublic) return;
    if (state.status === 'signedOut' && pathname !== LOGIN) navigate(LOGIN, { replace: true });
    if (state.status === 'signedIn' && pathname === LOGIN) {
      navigate(intended.current ?? '/', { replace: true });
      intended.current = null;
    }
    // The server refuses every other request until a role that requires MFA has enrolled.
    const mustEnrol = state.status === 'signedIn' && state.me.mfaRequired && !state.me.mfaEnabled;
    if (mustEnrol && pathname !== LOGIN && pathname !== '/account') navigate('/account', { replace: true });
  }, [state, pathname, isPublic, navigate]);

  useEffect(() => {
    if (state.status === 'signedOut' && state.notice) intended.current = null;
  }, [state]);

  useFocusHeadingOnNavigate(pathname);

  if (match && isPublic) {
    const Page = match.route.component;
    return (
      <Titled title={match.route.title}>
        <Suspense fallback={<LoadingState />}>
          <Page params={match.params} />
        </Suspense>
      </Titled>
    );
  }
  if (state.status === 'loading') {
    return (
      <Center h="100vh" component="main" aria-busy="true">
        <Loader size="sm" aria-label="Loading Plasticity" />
      </Center>
    );
  }
  if (state.status === 'signedOut') {
    return (
      <Titled title="Sign in">
        <LoginPage notice={state.notice} startupError={state.startupError} />
      </Titled>
    );
  }
  return <SignedIn me={state.me} />;
}

function SignedIn({ me }: { me: Me }) {
  const pathname = usePathname();
  const navigate = useNavigate();
  useSessionLifetime(me);

  const match = matchRoute(pathname, me.role);
  const home = navFor(me.role)[0]?.path;
  const redirectHome = !match && pathname === '/' && home !== undefined && home !== '/';
  useEffect(() => {
    if (redirectHome && home) navigate(home, { replace: true });
  }, [redirectHome, home, navigate]);

  const Layout = me.role === 'patient' ? PortalShell : Shell;
  let content: ReactNode;
  let title = 'Page not found';
  if (match) {
    const Page = match.route.component;
    title = match.route.title;
    content = <Page params={match.params} />;
  } else if (redirectHome || pathname === LOGIN) {
    content = <LoadingState />;
    title = 'Loading';
  } else {
    const forbidden = routeExists(pathname);
    title = forbidden ? 'Not available' : title;
    content = <NotFound forbidden={forbidden} />;
  }
  return (
    <Titled title={title}>
      <Layout>
        <Suspense fallback={<LoadingState />}>{content}</Suspense>
      </Layout>
    </Titled>
  );
}

function Titled({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(title);
  return <>{children}</>;
}
