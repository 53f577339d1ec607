import { normaliseName } from '../matching/normalise-name';
import type { InventoryCompany, InventoryComputer } from './inventory-types';

/**
 * Which computers take part in the integration (console-api.md section 2): those with a Backup or
 * RMM agent, in a company mapped to a HaloPSA customer. This file answers the first half and finds
 * a computer's company; whether that company is mapped is the mappings' business.
 */

/** Has a Backup or an RMM agent. */
export function isEligible(computer: Pick<InventoryComputer, 'hasBackupAgent' | 'hasRmmAgent'>): boolean {
  return computer.hasBackupAgent || computer.hasRmmAgent;
}

/**
 * Companies by `normaliseName(name)`, for `companyOf`. A name shared by two or more companies
 * (after normalisation) is left out: a computer naming it could belong to either, so it is
 * reported as without a company rather than assigned by a guess. Empty names are left out too.
 */
export function indexCompaniesByName(companies: readonly InventoryCompany[]): Map<string, InventoryCompany> {
  const index = new Map<string, InventoryCompany>();
  const ambiguous = new Set<string>();
  for (const company of companies) {
    const key = normaliseName(company.name);
    if (key === '' || ambiguous.has(key)) continue;
    const existing = index.get(key);
    if (existing === undefined) index.set(key, company);
    else if (existing.id !== company.id) {
      index.delete(key);
      ambiguous.add(key);
    }
  }
  return index;
}

/**
 * The company a computer belongs to: computers carry only their company's name, so by
 * `normaliseName(companyName)` in an index from `indexCompaniesByName`. Undefined when no company
 * (or more than one) has that name: such a computer is reported, never guessed.
 */
export function companyOf(
  computer: Pick<InventoryComputer, 'companyName'>,
  companiesByNormalisedName: ReadonlyMap<string, InventoryCompany>,
): InventoryCompany | undefined {
  const key = normaliseName(computer.companyName);
  return key === '' ? undefined : companiesByNormalisedName.get(key);
}
