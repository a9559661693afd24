import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../api/client';

/** Reference data every screen names things with (communes, agencies, projects), cached for the session. */
export function useCommunes() {
  return useQuery({ queryKey: ['communes'], queryFn: () => ok(api.GET('/api/v1/communes')), staleTime: Infinity });
}

export function useAgencies() {
  return useQuery({ queryKey: ['agencies'], queryFn: () => ok(api.GET('/api/v1/agencies')), staleTime: Infinity });
}

export function useProjects() {
  return useQuery({ queryKey: ['projects'], queryFn: () => ok(api.GET('/api/v1/projects')), staleTime: 60_000 });
}
