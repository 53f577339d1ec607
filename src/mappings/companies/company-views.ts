export interface CompanyMappingView {
  customerId: number;
  customerName: string;
  siteId: number;
  siteName: string;
  /** The company's own auto-export choice; null follows the integration's. */
  autoExport: boolean | null;
}

/** A customer a company may be mapped to, with what tells it apart from a namesake. */
export interface SuggestedCustomerView {
  id: number;
  name: string;
  mainSite: { id: number; name: string | null } | null;
  /** Where its sites are listed (`GET`). */
  sites: string;
}

export interface CompanySuggestionView {
  kind: 'exact' | 'ambiguous' | 'none';
  customers: SuggestedCustomerView[];
  /** Where to look for the right customer (`GET`): by the company's name, or any other. */
  lookUp: string;
}

export interface CompanyView {
  companyId: string;
  companyName: string;
  mapping: CompanyMappingView | null;
  /** For unmapped companies: customers whose name matches (exact, trimmed, case-insensitive). */
  suggestion: CompanySuggestionView | null;
}

/** The answer to mapping a company: its view and what will be exported, and when. */
export interface MappedCompanyView extends CompanyView {
  export: string;
}
