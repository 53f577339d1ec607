import { CustomerLookup, SiteLookup } from './api-types.js';
import { el, replaceContent } from './dom.js';
import { lookupPicker } from './lookup-picker.js';

export interface CustomerSite {
  customerId: number;
  siteId: number;
}

/** Search-as-you-type over HaloPSA's customers, then over the chosen customer's sites (its main site chosen first). */
export function customerSitePicker(companyName: string, onChoose: (chosen: CustomerSite | undefined) => void): HTMLElement {
  const sites = el('div', {});
  const customers = lookupPicker<CustomerLookup>({
    label: `HaloPSA customer for ${companyName}`,
    noun: 'customers',
    path: '/api/v1/halopsa/lookups/customers',
    describe: (customer) => `${customer.name} (id ${customer.id})`,
    onChoose: (customer) => {
      onChoose(undefined);
      replaceContent(
        sites,
        customer &&
          lookupPicker<SiteLookup>({
            label: `Site of ${customer.name} for ${companyName}`,
            noun: 'sites',
            path: customer.sites,
            describe: (site) => (site.main ? `${site.name} (main site)` : site.name),
            preferred: (site) => site.main,
            onChoose: (site) => onChoose(site && { customerId: customer.id, siteId: site.id }),
          }),
      );
    },
  });
  return el('div', {}, customers, sites);
}
