import { randomBytes, randomUUID } from 'node:crypto';
import { FaultInjector } from '../../shared/fault-injector';
import { RequestCounters } from '../../shared/request-counters';
import { PermissionVerb } from '../auth/permissions';
import { RateLimiter, RateLimitSettings } from '../auth/rate-limiter';
import { TokenStore } from '../auth/token-store';
import { EntityName } from '../entity-names';
import { AgentRecord } from './agent';
import { AssetCreateCounter } from './asset-create-counter';
import { ASSET_FIELD_DEFINITIONS, DEFAULT_ASSET_GROUPS, DEFAULT_ASSET_TYPES, defaultAgent, defaultAssetType } from './default-data';
import { EntityTable } from './entity-table';
import {
  AssetFieldDefinition,
  AssetGroupRecord,
  AssetRecord,
  AssetTypeRecord,
  ClientRecord,
  CustomButtonRecord,
  FieldInfoRecord,
  SiteRecord,
  TicketRecord,
} from './records';
import { SimClock } from './sim-clock';

export interface HaloCredentials {
  clientId: string;
  clientSecret: string;
  /** Set for a Halo-hosted instance: `/auth/token` then requires `?tenant=<it>`. */
  tenant?: string;
}

export interface HaloSettings {
  /** Tenant setting: a duplicate `inventory_number` fails with "Asset tag must be unique". */
  uniqueAssetTags: boolean;
  /** Lifetime of tokens issued from now on. */
  tokenLifetimeSeconds: number;
  /** Whether scope `all:standard` grants configuration writes too (applies to tokens issued from now on). */
  allStandardCanConfigure: boolean;
  /** `omitted`: asset list items never carry `customfields` (only `GET /Asset/{id}` does). */
  listCustomFields: 'included' | 'omitted';
  /** `ignored`: query parameters Halo's OpenAPI document does not declare for the operation have no effect. */
  undeclaredQueryParameters: 'honoured' | 'ignored';
  /** On an asset update, `merge` keeps stored `customfields`/`fields` values not sent; `replace` empties them. */
  partialArrayWrites: 'merge' | 'replace';
  /** `searchable-only`: `GET /Asset?search=` matches only custom fields whose FieldInfo is `searchable`. */
  searchCustomFields: 'all' | 'searchable-only';
}

export interface HaloApplication {
  /** Scopes the API application may be granted; a token gets the requested ones intersected with these. */
  allowedScopes: string[];
}

/** A switch that makes every `verb` on `entity` answer 403, whatever the permissions. */
export interface ForbiddenSwitch {
  entity: EntityName;
  verb: PermissionVerb;
}

export interface SeedClient {
  name: string;
  /** The first site is the client's main site; none given → one site named "Main". */
  sites: string[];
}

export interface HaloStateOptions {
  credentials: HaloCredentials;
  now?: () => number;
  settings?: Partial<HaloSettings>;
  rateLimit?: Partial<RateLimitSettings>;
}

const DEFAULT_SETTINGS: HaloSettings = {
  uniqueAssetTags: false,
  tokenLifetimeSeconds: 3600,
  allStandardCanConfigure: false,
  listCustomFields: 'included',
  undeclaredQueryParameters: 'honoured',
  partialArrayWrites: 'merge',
  searchCustomFields: 'all',
};

/**
 * Everything the simulated Halo tenant holds, in memory, usable directly by tests. Each table
 * allocates ids from its own range, so that a client mixing up ids of different entities fails.
 */
export class HaloState {
  readonly clock: SimClock;
  credentials: Readonly<HaloCredentials>;
  readonly settings: HaloSettings;
  readonly application: HaloApplication = { allowedScopes: ['all'] };
  agent: AgentRecord = defaultAgent();
  forbidden: ForbiddenSwitch[] = [];

  readonly clients = new EntityTable<ClientRecord>(100);
  readonly sites = new EntityTable<SiteRecord>(5_000);
  readonly assets = new EntityTable<AssetRecord>(20_000);
  readonly assetGroups = new EntityTable<AssetGroupRecord>(1);
  readonly assetTypes = new EntityTable<AssetTypeRecord>(101);
  readonly fieldInfos = new EntityTable<FieldInfoRecord>(301);
  readonly customButtons = new EntityTable<CustomButtonRecord>(401);
  readonly tickets = new EntityTable<TicketRecord>(90_000);
  readonly assetFields: readonly AssetFieldDefinition[] = ASSET_FIELD_DEFINITIONS;

  readonly tokens: TokenStore;
  readonly rateLimiter: RateLimiter;
  readonly faults = new FaultInjector();
  readonly requests = new RequestCounters();
  readonly assetCreates = new AssetCreateCounter();

  constructor(options: HaloStateOptions) {
    this.clock = new SimClock(options.now);
    this.credentials = { ...options.credentials };
    this.settings = { ...DEFAULT_SETTINGS, ...options.settings };
    this.tokens = new TokenStore(this.clock);
    this.rateLimiter = new RateLimiter(this.clock);
    this.rateLimiter.configure(options.rateLimit ?? {});
    const groups = DEFAULT_ASSET_GROUPS.map((group) => this.assetGroups.insert(group));
    for (const type of DEFAULT_ASSET_TYPES) {
      this.assetTypes.insert(defaultAssetType(type.name, groups[type.assetgroup].id, type.item_code));
    }
  }

  /** Creates clients with their sites; the first site of each is its main site. */
  seedClients(clients: readonly SeedClient[]): ClientRecord[] {
    return clients.map((client) => this.addClient(client.name, client.sites.length > 0 ? client.sites : ['Main']));
  }

  addClient(name: string, siteNames: readonly string[]): ClientRecord {
    const client = this.clients.insert({ name, inactive: false, toplevel_id: 1, main_site_id: 0, customfields: [] });
    const sites = siteNames.map((siteName) => this.sites.insert({ name: siteName, client_id: client.id, inactive: false }));
    return this.clients.replace({ ...client, main_site_id: sites[0].id });
  }

  /** As editing the application's description in Halo does: a new key pair; the old one and its tokens stop working. */
  regenerateCredentials(): Readonly<HaloCredentials> {
    this.credentials = { ...this.credentials, clientId: randomUUID(), clientSecret: randomBytes(36).toString('base64url') };
    this.tokens.expireAll();
    return this.credentials;
  }

  isForbidden(entity: EntityName, verb: string): boolean {
    return this.forbidden.some((entry) => entry.entity === entity && entry.verb === verb);
  }
}
