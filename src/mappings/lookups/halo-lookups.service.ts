import { Injectable, NotFoundException } from '@nestjs/common';
import { HaloError } from '../../halo/halo-errors';
import { HaloCustomer } from '../../halo/halo-entities';
import { normaliseName } from '../../matching/normalise-name';
import { IntegrationContext } from '../integration-context.service';

export interface LookupPage<T> {
  total: number;
  page: number;
  pageSize: number;
  items: T[];
}

export interface CustomerLookup {
  id: number;
  name: string;
  mainSite: { id: number; name: string | null } | null;
  /** Where this customer's sites are listed. */
  sites: string;
}

export interface NamedRecord {
  id: number;
  name: string;
}

export interface AssetTypeLookup extends NamedRecord {
  assetGroup: { id: number; name: string | null } | null;
}

/** Sites of a customer, as a look-up lists them. */
export function sitesPath(customerId: number): string {
  return `/api/v1/halopsa/lookups/customers/${customerId}/sites`;
}

function pageOf<T extends { name: string }>(records: readonly T[], search: string | undefined, page: number, pageSize: number): LookupPage<T> {
  const needle = search ? normaliseName(search) : '';
  const matching = records.filter((record) => normaliseName(record.name).includes(needle)).sort((a, b) => a.name.localeCompare(b.name));
  return { total: matching.length, page, pageSize, items: matching.slice((page - 1) * pageSize, page * pageSize) };
}

/**
 * HaloPSA's customers, sites, asset types and asset groups, so that an administrator finds the
 * ids to map without calling HaloPSA. Customers use Halo's own search and paging (one request a
 * page); sites are read per customer; asset types and groups are short lists Halo does not page.
 */
@Injectable()
export class HaloLookupsService {
  async customers(context: IntegrationContext, search: string | undefined, page: number, pageSize: number): Promise<LookupPage<CustomerLookup>> {
    const { customers, total } = await context.halo.findCustomers(search, page, pageSize);
    return {
      total,
      page,
      pageSize,
      items: customers.map((customer) => ({
        id: customer.id,
        name: customer.name,
        mainSite: customer.main_site_id ? { id: customer.main_site_id, name: customer.main_site_name ?? null } : null,
        sites: sitesPath(customer.id),
      })),
    };
  }

  async sites(context: IntegrationContext, customerId: number, search: string | undefined, page: number, pageSize: number): Promise<LookupPage<NamedRecord & { main: boolean }>> {
    const customer = await context.halo.getCustomer(customerId).catch((error: unknown): HaloCustomer => {
      if (error instanceof HaloError && error.kind === 'not_found') throw new NotFoundException(`HaloPSA has no customer ${customerId}: GET /api/v1/halopsa/lookups/customers lists them.`);
      throw error;
    });
    const sites = await context.halo.listSites(customerId);
    return pageOf(
      sites.map((site) => ({ id: site.id, name: site.name, main: site.id === customer.main_site_id })),
      search,
      page,
      pageSize,
    );
  }

  async assetTypes(context: IntegrationContext, search: string | undefined, page: number, pageSize: number): Promise<LookupPage<AssetTypeLookup>> {
    const types = (await context.halo.listAssetTypes()).filter((type) => type.inactive !== true);
    return pageOf(
      types.map((type) => ({ id: type.id, name: type.name, assetGroup: type.assetgroup_id ? { id: type.assetgroup_id, name: type.assetgroup_name ?? null } : null })),
      search,
      page,
      pageSize,
    );
  }

  async assetGroups(context: IntegrationContext, search: string | undefined, page: number, pageSize: number): Promise<LookupPage<NamedRecord>> {
    const groups = await context.halo.listAssetGroups();
    return pageOf(groups.map((group) => ({ id: group.id, name: group.name })), search, page, pageSize);
  }
}
