import { haloUrlsFromBase } from '../halo/halo-connection-settings';
import { normaliseServiceUrl } from '../security/url-policy';

export type HaloUrls = ReturnType<typeof haloUrlsFromBase>;

function base(input: string): string {
  return normaliseServiceUrl(input).toString().replace(/\/+$/, '');
}

/** The user's Halo URL (and optional authorisation URL) as Halo's resource and authorisation servers. */
export function haloUrlsFromInput(haloUrl: string, authorisationUrl?: string): HaloUrls {
  const resource = base(haloUrl).replace(/\/api$/i, '');
  const auth = authorisationUrl ? base(authorisationUrl).replace(/\/auth$/i, '') : resource;
  return { resourceServerUrl: haloUrlsFromBase(resource).resourceServerUrl, authServerUrl: haloUrlsFromBase(auth).authServerUrl };
}

/** Two URLs name the same Halo instance when their resource servers match, case aside. */
export function sameHaloInstance(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The Halo address a person recognises: the resource server without its `/api`. */
export function haloBaseUrl(resourceServerUrl: string): string {
  return resourceServerUrl.replace(/\/api$/, '');
}
