/**
 * The runtime configuration. In AWS the deployment writes `/config.json`
 * (API URL, Cognito hosted UI domain, client id, region, redirect URI); locally
 * there is none (the gateway answers 404), and the app calls the API on its own
 * origin and signs in with the persona picker.
 */
export type AppConfig =
  | { mode: 'local' }
  | {
      mode: 'cognito';
      apiUrl: string;
      cognitoDomain: string;
      clientId: string;
      region: string;
      redirectUri: string;
      logoutUri: string;
    };

let current: AppConfig = { mode: 'local' };

function isCognito(value: unknown): value is Extract<AppConfig, { mode: 'cognito' }> {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    v.mode === 'cognito' &&
    ['apiUrl', 'cognitoDomain', 'clientId', 'region', 'redirectUri', 'logoutUri'].every((k) => typeof v[k] === 'string' && v[k] !== '')
  );
}

/** Read `/config.json` once at start. Absent, unreadable or not the Cognito shape: local mode. */
export async function loadConfig(): Promise<AppConfig> {
  try {
    const res = await fetch('/config.json', { cache: 'no-store', headers: { accept: 'application/json' } });
    if (res.ok) {
      const body: unknown = await res.json();
      if (isCognito(body)) current = { ...body, apiUrl: body.apiUrl.replace(/\/+$/, '') };
    }
  } catch {
    // Local runs have no config.json: the gateway's 404, or the SPA fallback's HTML, both mean local.
  }
  return current;
}

export function appConfig(): AppConfig {
  return current;
}

/** The URL for an API path: the deployed API's origin in AWS, this origin locally. */
export function apiUrl(path: string): string {
  return current.mode === 'cognito' && path.startsWith('/v1') ? `${current.apiUrl}${path}` : path;
}
