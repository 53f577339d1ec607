export interface CompanyMappingView {
  customerId: number;
  customerName: string;
  siteId: number;
  siteName: string;
}

export interface CompanyView {
  companyId: string;
  companyName: string;
  mapping: CompanyMappingView | null;
  /** For unmapped companies: customers whose name matches (exact, trimmed, case-insensitive). */
  suggestion: { kind: 'exact' | 'ambiguous' | 'none'; customers: { id: number; name: string }[] } | null;
}

/** The answer to mapping a company: its view and what will be exported, and when. */
export interface MappedCompanyView extends CompanyView {
  export: string;
}
