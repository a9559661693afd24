import { api, ok, type Schemas } from '../api/client';

/** The household flags the list filters on: address parameter, API field, label. */
export const CASE_FLAGS = [
  ['ngheo', 'poorHousehold', 'Hộ nghèo'],
  ['chinh-sach', 'policyFamily', 'Gia đình chính sách'],
  ['truc-tiep-sx', 'directlyFarming', 'Trực tiếp sản xuất nông nghiệp'],
] as const;

const LAST_PROJECT = 'gpmb.project';

/** The project the list shows: the one the address names, else the one chosen last in this browser, else the first. */
export function listProject<P extends { code: string }>(projects: P[] | undefined, params: URLSearchParams): P | null {
  if (!projects) return null;
  const remembered = localStorage.getItem(LAST_PROJECT);
  const code = params.get('du-an') ?? (projects.some((p) => p.code === remembered) ? remembered : null);
  return projects.find((p) => p.code === code) ?? (params.get('du-an') ? null : (projects[0] ?? null));
}

export const rememberProject = (code: string) => localStorage.setItem(LAST_PROJECT, code);

/** The API's filters and page from the list's address (commune, state, đợt, text, flags, page, page size). */
export function listQuery(params: URLSearchParams) {
  return {
    communeId: params.get('xa') ?? undefined,
    state: params.get('buoc') ?? undefined,
    batch: params.get('dot') ?? undefined,
    q: params.get('tim') ?? undefined,
    ...Object.fromEntries(CASE_FLAGS.filter(([p]) => params.get(p) === '1').map(([, k]) => [k, true])),
    page: Number(params.get('trang') ?? '1'),
    pageSize: Number(params.get('so-dong') ?? '20'),
  };
}

/** One page of a project's households, as the list asks for it (the same key whoever asks first). */
export function casesQueryOptions(projectId: string, query: ReturnType<typeof listQuery>) {
  return {
    queryKey: ['cases', projectId, query] as const,
    // The page asked for at start-up is not asked again when the screen mounts; changes invalidate it.
    staleTime: 10_000,
    queryFn: (): Promise<Schemas['CasePageDto']> =>
      ok(api.GET('/api/v1/projects/{projectId}/cases', { params: { path: { projectId }, query } })),
  };
}
