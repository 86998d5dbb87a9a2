import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useApi } from './hooks';
import { useSession } from './session';
import type { Capability, Organisation } from './types';

interface ReferenceData {
  organisations: Organisation[];
  capabilities: Capability[];
  /** `titan` → `TITAN`: the short name before the dash of "TITAN — North West Regional…". */
  orgName: (id: string) => string;
  /** The full name: "TITAN — North West Regional Organised Crime Unit". */
  orgFullName: (id: string) => string;
  capabilityName: (id: string) => string;
  /** Fetch the catalogue again (after an administrator adds a capability). */
  reloadCapabilities: () => Promise<void>;
  rocus: Organisation[];
}

const ReferenceContext = createContext<ReferenceData | undefined>(undefined);

function shortName(name: string): string {
  return name.split(' — ')[0] ?? name;
}

/** Organisations and capabilities, fetched once per sign-in; ids show until they arrive. */
export function ReferenceProvider({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const signedIn = session?.token;
  const orgs = useApi(signedIn ? 'GET /v1/organisations' : undefined);
  const caps = useApi(signedIn ? 'GET /v1/capabilities' : undefined);
  const value = useMemo<ReferenceData>(() => {
    const organisations = orgs.data?.items ?? [];
    const capabilities = caps.data?.items ?? [];
    const byOrg = new Map(organisations.map((o) => [o.id, o]));
    const byCap = new Map(capabilities.map((c) => [c.id, c]));
    return {
      organisations,
      capabilities,
      orgName: (id) => {
        const org = byOrg.get(id);
        return org ? shortName(org.name) : id.toUpperCase();
      },
      orgFullName: (id) => byOrg.get(id)?.name ?? id.toUpperCase(),
      capabilityName: (id) => byCap.get(id)?.name ?? id,
      reloadCapabilities: caps.reload,
      rocus: organisations.filter((o) => o.type === 'rocu').sort((a, b) => a.name.localeCompare(b.name)),
    };
  }, [orgs.data, caps.data, caps.reload]);
  return <ReferenceContext.Provider value={value}>{children}</ReferenceContext.Provider>;
}

export function useReference(): ReferenceData {
  const value = useContext(ReferenceContext);
  if (!value) throw new Error('useReference outside ReferenceProvider');
  return value;
}
