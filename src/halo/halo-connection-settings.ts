/** What the MSP copies from Halo's API Details page, plus the API application's credentials. */
export interface HaloConnectionSettings {
  /** e.g. https://acme.halopsa.com/api */
  resourceServerUrl: string;
  /** e.g. https://acme.halopsa.com/auth; hosted instances may use another host, so never derive it. */
  authServerUrl: string;
  /** Only Halo-hosted instances have one; it goes on the token URL as `?tenant=`. */
  tenant?: string;
  clientId: string;
  clientSecret: string;
}

export function stripTrailingSlashes(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/** The usual layout of a Halo instance: `{base}/api` and `{base}/auth`. */
export function haloUrlsFromBase(baseUrl: string): Pick<HaloConnectionSettings, 'resourceServerUrl' | 'authServerUrl'> {
  const base = stripTrailingSlashes(baseUrl);
  return { resourceServerUrl: `${base}/api`, authServerUrl: `${base}/auth` };
}
