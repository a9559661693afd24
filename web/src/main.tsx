import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { lazy, type ReactNode, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { api, ApiError, ok, tokenStore } from './api/client';
import { SessionProvider } from './auth/session';
import { casesQueryOptions, listProject, listQuery } from './lib/case-list';
import { AppLayout } from './layout/AppLayout';
import './index.css';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';

// One chunk per screen: the first page loads only what it shows.
const load = {
  inbox: () => import('./pages/InboxPage'),
  dashboard: () => import('./pages/DashboardPage'),
  caseList: () => import('./pages/CaseListPage'),
  inventory: () => import('./pages/InventoryPage'),
  import: () => import('./pages/ImportPage'),
  plan: () => import('./pages/PlanPage'),
  caseFile: () => import('./pages/CaseFilePage'),
  signatories: () => import('./pages/SignatoriesPage'),
};
const InboxPage = lazy(() => load.inbox().then((m) => ({ default: m.InboxPage })));
const DashboardPage = lazy(() => load.dashboard().then((m) => ({ default: m.DashboardPage })));
const CaseListPage = lazy(() => load.caseList().then((m) => ({ default: m.CaseListPage })));
const InventoryPage = lazy(() => load.inventory().then((m) => ({ default: m.InventoryPage })));
const ImportPage = lazy(() => load.import().then((m) => ({ default: m.ImportPage })));
const PlanPage = lazy(() => load.plan().then((m) => ({ default: m.PlanPage })));
const CaseFilePage = lazy(() => load.caseFile().then((m) => ({ default: m.CaseFilePage })));
const SignatoriesPage = lazy(() => load.signatories().then((m) => ({ default: m.SignatoriesPage })));

// The screen the address names starts loading with the app, alongside "who am I", not after it.
const SCREENS: [RegExp, () => Promise<unknown>][] = [
  [/^\/$/, load.inbox],
  [/^\/tien-do/, load.dashboard],
  [/^\/ho-so\/[^/]+\/kiem-dem/, load.inventory],
  [/^\/ho-so\/[^/]+/, load.caseFile],
  [/^\/ho-so/, load.caseList],
  [/^\/phuong-an\//, load.plan],
  [/^\/nhap-excel/, load.import],
  [/^\/nguoi-ky/, load.signatories],
];
if (tokenStore.get()) void SCREENS.find(([path]) => path.test(location.pathname))?.[1]();
const screen = (element: ReactNode) => <Suspense fallback={<Spin style={{ margin: 40 }} />}>{element}</Suspense>;

dayjs.locale('vi');

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (403, 404, 409…) will not change by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

// Signed in already (a reload, a bookmark): who the user is and the projects it sees are asked at once, in parallel,
// instead of one after the other as the screens mount.
{
  const token = tokenStore.get();
  if (token) {
    void queryClient.prefetchQuery({
      queryKey: ['me', token],
      queryFn: () => ok(api.GET('/api/v1/auth/me')),
      staleTime: Infinity,
    });
    const projects = queryClient.fetchQuery({
      queryKey: ['projects'],
      queryFn: () => ok(api.GET('/api/v1/projects')),
      staleTime: 60_000,
    });
    // The household list asks for its first page as soon as the project is known, not once its screen has rendered.
    if (location.pathname === '/ho-so')
      projects
        .then((list) => {
          const params = new URLSearchParams(location.search);
          const project = listProject(list, params);
          if (project) void queryClient.prefetchQuery(casesQueryOptions(project.id, listQuery(params)));
        })
        .catch(() => undefined);
  }
}

const router = createBrowserRouter([
  { path: '/dang-nhap', element: <LoginPage /> },
  {
    element: <AppLayout />,
    children: [
      { index: true, element: screen(<InboxPage />) },
      { path: 'tien-do', element: screen(<DashboardPage />) },
      { path: 'ho-so', element: screen(<CaseListPage />) },
      { path: 'ho-so/:caseId', element: screen(<CaseFilePage />) },
      { path: 'ho-so/:caseId/kiem-dem', element: screen(<InventoryPage />) },
      { path: 'phuong-an/:planId', element: screen(<PlanPage />) },
      { path: 'nhap-excel', element: screen(<ImportPage />) },
      { path: 'nguoi-ky', element: screen(<SignatoriesPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={viVN} theme={{ token: { colorPrimary: '#1f6f43' } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
