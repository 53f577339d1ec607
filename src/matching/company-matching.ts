import { normaliseName } from './normalise-name';

/**
 * Name-based suggestions for mapping Console companies to HaloPSA customers (journey step 3).
 *
 * Names match when they are equal after `normaliseName` (trimmed, inner whitespace collapsed,
 * case-insensitive, NFC): "exact" in the product's words. Nothing fuzzy: a near miss ("The Acme
 * Dental" for "Acme Dental") is no match, and a name shared by two or more customers is
 * ambiguous, left for the user, never applied.
 */

export interface CustomerLike {
  id: number;
  name: string;
}

export interface CompanyLike {
  id: string;
  name: string;
}

export type CustomerSuggestion<C extends CustomerLike = CustomerLike> =
  | { kind: 'exact'; customer: C }
  | { kind: 'ambiguous'; candidates: C[] }
  | { kind: 'none' };

/**
 * The customer(s) whose name equals the company's.
 *
 * - One customer → `exact`.
 * - Two or more distinct customers (by `id`) → `ambiguous`, candidates in ascending `id` order.
 *   The same customer listed twice (overlapping pages) counts once.
 * - None, or a company whose name is empty once normalised → `none`.
 */
export function suggestCustomers<C extends CustomerLike>(company: { name: string }, customers: readonly C[]): CustomerSuggestion<C> {
  const key = normaliseName(company.name);
  if (key === '') return { kind: 'none' };
  const byId = new Map<number, C>();
  for (const customer of customers) {
    if (!byId.has(customer.id) && normaliseName(customer.name) === key) byId.set(customer.id, customer);
  }
  const matches = [...byId.values()].sort((a, b) => a.id - b.id);
  if (matches.length === 0) return { kind: 'none' };
  if (matches.length === 1) return { kind: 'exact', customer: matches[0] };
  return { kind: 'ambiguous', candidates: matches };
}

export type AutoMapSkipReason = 'already-mapped' | 'ambiguous' | 'no-match';

export interface AutoMapPlan {
  /** Mappings to save, in the order of the companies given. */
  apply: { companyId: string; customerId: number }[];
  /** Every other company, once, in the order given, with why it is left alone. */
  skipped: { companyId: string; reason: AutoMapSkipReason }[];
}

/**
 * What "auto-map by name" would do: map each unmapped company with exactly one customer of the same
 * name. Never touches a company in `alreadyMapped` (a saved mapping is never overwritten), never
 * applies an ambiguous match, lists every company once (a company id repeated in `companies` is
 * planned once, by its first occurrence).
 *
 * Ambiguity runs both ways: when two companies share a normalised name (the Console normally
 * forbids it, but case or spacing variants slip through), neither is auto-mapped: they would
 * land on the same customer by a guess. Each is skipped as `ambiguous`.
 *
 * Idempotent: planning again with the applied companies added to `alreadyMapped` applies nothing.
 */
export function planAutoMap(companies: readonly CompanyLike[], customers: readonly CustomerLike[], alreadyMapped: ReadonlySet<string>): AutoMapPlan {
  const unique: CompanyLike[] = [];
  const seen = new Set<string>();
  for (const company of companies) {
    if (seen.has(company.id)) continue;
    seen.add(company.id);
    unique.push(company);
  }
  const companiesPerName = new Map<string, number>();
  for (const company of unique) {
    const key = normaliseName(company.name);
    if (key !== '') companiesPerName.set(key, (companiesPerName.get(key) ?? 0) + 1);
  }
  const customersByName = new Map<string, CustomerLike[]>();
  for (const customer of customers) {
    const key = normaliseName(customer.name);
    if (key === '') continue;
    const list = customersByName.get(key);
    if (list) list.push(customer);
    else customersByName.set(key, [customer]);
  }

  const plan: AutoMapPlan = { apply: [], skipped: [] };
  for (const company of unique) {
    if (alreadyMapped.has(company.id)) {
      plan.skipped.push({ companyId: company.id, reason: 'already-mapped' });
      continue;
    }
    const key = normaliseName(company.name);
    const suggestion = suggestCustomers(company, customersByName.get(key) ?? []);
    if (suggestion.kind === 'none') {
      plan.skipped.push({ companyId: company.id, reason: 'no-match' });
    } else if (suggestion.kind === 'ambiguous' || (companiesPerName.get(key) ?? 0) > 1) {
      plan.skipped.push({ companyId: company.id, reason: 'ambiguous' });
    } else {
      plan.apply.push({ companyId: company.id, customerId: suggestion.customer.id });
    }
  }
  return plan;
}
