/** Counts requests per "VERB /lower-cased/path" (query string left out). */
export class RequestCounters {
  private readonly counts = new Map<string, number>();

  record(method: string, path: string): void {
    const key = `${method.toUpperCase()} ${path.toLowerCase()}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  snapshot(): { total: number; byPathAndVerb: Record<string, number> } {
    const byPathAndVerb = Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
    const total = [...this.counts.values()].reduce((sum, n) => sum + n, 0);
    return { total, byPathAndVerb };
  }

  reset(): void {
    this.counts.clear();
  }
}
