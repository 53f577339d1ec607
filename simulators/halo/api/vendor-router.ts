import { Router } from '../../shared/http-kit';
import { registerAuthRoutes } from '../auth/auth-routes';
import { HaloState } from '../state/halo-state';
import { registerAgentRoutes } from './agent-routes';
import { registerResource } from './resource-routes';
import { createAssetGroupResource } from './resources/asset-group-resource';
import { createAssetResource } from './resources/asset-resource';
import { createAssetTypeResource } from './resources/asset-type-resource';
import { createClientResource } from './resources/client-resource';
import { createCustomButtonResource } from './resources/custom-button-resource';
import { createFieldInfoResource } from './resources/field-info-resource';
import { createSiteResource } from './resources/site-resource';
import { createTicketResource } from './resources/ticket-resource';

/** Every route of the simulated vendor: the authorisation server and the resource server. */
export function createVendorRouter(state: HaloState, baseUrl: () => string): Router {
  const router = new Router();
  registerAuthRoutes(router, state, baseUrl);
  registerAgentRoutes(router, state);
  registerResource(router, createClientResource(state));
  registerResource(router, createSiteResource(state));
  registerResource(router, createAssetResource(state));
  registerResource(router, createAssetTypeResource(state));
  registerResource(router, createAssetGroupResource(state));
  registerResource(router, createFieldInfoResource(state));
  registerResource(router, createCustomButtonResource(state));
  registerResource(router, createTicketResource(state));
  return router;
}
