import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { HaloCustomer } from '../../halo/halo-entities';
import { HaloError } from '../../halo/halo-errors';
import { planAutoMap, suggestCustomers } from '../../matching/company-matching';
import { normaliseName } from '../../matching/normalise-name';
import { CompanyMappingEntity } from '../../persistence/entities/company-mapping.entity';
import { ComputerLinkEntity } from '../../persistence/entities/computer-link.entity';
import { ComputerLinks } from '../../computer-links/computer-links';
import { SyncScheduleService } from '../../sync/sync-schedule.service';
import { IntegrationContext } from '../integration-context.service';
import { CompanyMappingView, CompanyView, MappedCompanyView } from './company-views';
import { exportNotice } from './export-notice';
import { companyOf, indexCompaniesByName } from '../../inventory/eligibility';
import { sitesPath } from '../lookups/halo-lookups.service';

export interface AutoMapResult {
  dryRun: boolean;
  applied: { companyId: string; companyName: string; mapping: CompanyMappingView }[];
  skipped: { companyId: string; companyName: string; reason: 'already-mapped' | 'ambiguous' | 'no-match' }[];
  /** What the applied mappings will export, and when. */
  export: string;
}

export interface UnmapResult {
  dryRun: boolean;
  companyId: string;
  removedMapping: CompanyMappingView;
  /** Computers of the company that were linked: no longer synced, their Halo assets left as they are. */
  unlinkedComputers: number;
}

function view(mapping: CompanyMappingEntity): CompanyMappingView {
  return { customerId: mapping.haloClientId, customerName: mapping.haloClientName, siteId: mapping.haloSiteId, siteName: mapping.haloSiteName, autoExport: mapping.autoExport ?? null };
}

@Injectable()
export class CompaniesService {
  constructor(
    @InjectRepository(CompanyMappingEntity) private readonly mappings: Repository<CompanyMappingEntity>,
    @InjectRepository(ComputerLinkEntity) private readonly links: Repository<ComputerLinkEntity>,
    private readonly schedules: SyncScheduleService,
  ) {}

  async list(context: IntegrationContext, filter: 'all' | 'mapped' | 'unmapped', search?: string): Promise<CompanyView[]> {
    const [companies, mappings] = await Promise.all([this.visibleCompanies(context), this.mappingsById(context)]);
    const needle = search ? normaliseName(search) : undefined;
    const wanted = companies
      .filter((c) => !needle || normaliseName(c.Name).includes(needle))
      .filter((c) => filter === 'all' || (filter === 'mapped') === mappings.has(c.Id));
    const customers = wanted.some((c) => !mappings.has(c.Id)) ? await context.halo.listCustomers() : [];
    return wanted.map((company) => {
      const mapping = mappings.get(company.Id);
      if (mapping) return { companyId: company.Id, companyName: company.Name, mapping: view(mapping), suggestion: null };
      const suggestion = suggestCustomers({ name: company.Name }, customers);
      const suggested =
        suggestion.kind === 'exact' ? [suggestion.customer] : suggestion.kind === 'ambiguous' ? suggestion.candidates : [];
      return {
        companyId: company.Id,
        companyName: company.Name,
        mapping: null,
        suggestion: {
          kind: suggestion.kind,
          customers: suggested.map((c) => ({ id: c.id, name: c.name, mainSite: c.main_site_id ? { id: c.main_site_id, name: c.main_site_name ?? null } : null, sites: sitesPath(c.id) })),
          lookUp: `/api/v1/halopsa/lookups/customers?search=${encodeURIComponent(company.Name.trim())}`,
        },
      };
    });
  }

  /** Maps (or re-maps: an explicit choice by the administrator) one company. */
  async map(context: IntegrationContext, companyId: string, customerId: number, siteId?: number, autoExport?: boolean | null): Promise<MappedCompanyView> {
    const company = await this.visibleCompany(context, companyId);
    const customer = await context.halo.getCustomer(customerId).catch(notFoundAs(`customerId: HaloPSA has no customer ${customerId}.`));
    const site = await this.siteOf(context, customer, siteId);
    const existing = await this.mappings.findOneBy({ integrationId: context.integration.id, consoleCompanyId: company.Id });
    const saved = await this.mappings.save(
      this.mappings.create({
        ...existing,
        integrationId: context.integration.id,
        consoleCompanyId: company.Id,
        consoleCompanyName: company.Name,
        haloClientId: customer.id,
        haloClientName: customer.name,
        haloSiteId: site.id,
        haloSiteName: site.name,
        autoExport: autoExport === undefined ? (existing?.autoExport ?? null) : autoExport,
      }),
    );
    await this.schedules.reconcile(context.integration);
    return { companyId: company.Id, companyName: company.Name, mapping: view(saved), suggestion: null, export: exportNotice(saved.autoExport ?? context.integration.autoExport, saved.autoExport !== null) };
  }

  async unmap(context: IntegrationContext, companyId: string, dryRun: boolean): Promise<UnmapResult> {
    const company = await this.visibleCompany(context, companyId);
    const mapping = await this.mappings.findOneBy({ integrationId: context.integration.id, consoleCompanyId: company.Id });
    if (!mapping) throw new NotFoundException(`Company ${company.Name} is not mapped.`);
    const [companies, computers] = await Promise.all([context.console.listCompanies(), context.console.listComputers()]);
    const companiesByName = indexCompaniesByName(companies.map((c) => ({ id: c.Id, name: c.Name })));
    const hids = computers.filter((computer) => companyOf({ companyName: computer.CompanyName ?? '' }, companiesByName)?.id === company.Id).map((computer) => computer.ComputerHID);
    const links = hids.length === 0 ? [] : await this.links.findBy({ integrationId: context.integration.id, computerHid: In(hids) });
    if (!dryRun) {
      await this.mappings.manager.transaction(async (db) => {
        await db.delete(CompanyMappingEntity, { id: mapping.id });
        await new ComputerLinks(db, context.integration.id).forget(links.map((l) => l.computerHid));
      });
      await this.schedules.reconcile(context.integration);
    }
    return { dryRun, companyId: company.Id, removedMapping: view(mapping), unlinkedComputers: links.filter((l) => l.state === 'linked').length };
  }

  /** Applies every unambiguous exact-name suggestion; never overwrites a saved mapping. */
  async autoMap(context: IntegrationContext, dryRun: boolean): Promise<AutoMapResult> {
    const [companies, mappings, customers] = await Promise.all([this.visibleCompanies(context), this.mappingsById(context), context.halo.listCustomers()]);
    const plan = planAutoMap(
      companies.map((c) => ({ id: c.Id, name: c.Name })),
      customers,
      new Set(mappings.keys()),
    );
    const names = new Map(companies.map((c) => [c.Id, c.Name]));
    const byId = new Map(customers.map((c) => [c.id, c]));
    const applied = plan.apply.map(({ companyId, customerId }) => {
      const customer = byId.get(customerId) as HaloCustomer;
      return {
        companyId,
        companyName: names.get(companyId) ?? companyId,
        mapping: { customerId, customerName: customer.name, siteId: customer.main_site_id ?? 0, siteName: customer.main_site_name ?? '', autoExport: null },
      };
    });
    const withoutMainSite = applied.filter((a) => !a.mapping.siteId);
    if (withoutMainSite.length > 0) {
      throw new BadRequestException(`HaloPSA reports no main site for: ${withoutMainSite.map((a) => a.mapping.customerName).join(', ')}. Map these companies one by one with a siteId.`);
    }
    if (!dryRun && applied.length > 0) {
      await this.mappings
        .createQueryBuilder()
        .insert()
        .values(
          applied.map((a) => ({
            integrationId: context.integration.id,
            consoleCompanyId: a.companyId,
            consoleCompanyName: a.companyName,
            haloClientId: a.mapping.customerId,
            haloClientName: a.mapping.customerName,
            haloSiteId: a.mapping.siteId,
            haloSiteName: a.mapping.siteName,
          })),
        )
        .orIgnore()
        .execute();
      await this.schedules.reconcile(context.integration);
    }
    return {
      dryRun,
      applied,
      skipped: plan.skipped.map((s) => ({ companyId: s.companyId, companyName: names.get(s.companyId) ?? s.companyId, reason: s.reason })),
      export: exportNotice(context.integration.autoExport),
    };
  }

  private async visibleCompanies(context: IntegrationContext) {
    return (await context.console.listCompanies()).filter((c) => context.canSee(c.Name));
  }

  private async visibleCompany(context: IntegrationContext, companyId: string) {
    const company = (await this.visibleCompanies(context)).find((c) => c.Id.toLowerCase() === companyId.toLowerCase());
    if (!company) throw new NotFoundException(`No Console company ${companyId} that you may see.`);
    return company;
  }

  private async mappingsById(context: IntegrationContext): Promise<Map<string, CompanyMappingEntity>> {
    const rows = await this.mappings.findBy({ integrationId: context.integration.id });
    return new Map(rows.map((row) => [row.consoleCompanyId, row]));
  }

  private async siteOf(context: IntegrationContext, customer: HaloCustomer, siteId?: number): Promise<{ id: number; name: string }> {
    const wanted = siteId ?? customer.main_site_id;
    if (!wanted) throw new BadRequestException(`siteId: customer ${customer.name} has no main site in HaloPSA; choose a site.`);
    const site = await context.halo.getSite(wanted).catch(notFoundAs(`siteId: HaloPSA has no site ${wanted}.`));
    if (site.client_id !== customer.id) throw new BadRequestException(`siteId: site ${site.name} belongs to another customer than ${customer.name}.`);
    return { id: site.id, name: site.name };
  }
}

/** A Halo 404 on something the caller named is the caller's mistake: a 400 that says which. */
export function notFoundAs(message: string) {
  return (error: unknown): never => {
    if (error instanceof HaloError && error.kind === 'not_found') throw new BadRequestException(message);
    throw error;
  };
}
