import type { TerritoryDto, TerritoryRuleDto } from '@sales-suite/contracts';
import type { ContactFitAttributes } from '@sales-suite/contracts/core';
import type { LeadState } from './lead-state';
import { regionOf } from './regions';

export type Territory = TerritoryDto;

const anyOf = <T>(allowed: readonly T[] | undefined, value: T | null): boolean =>
  allowed === undefined || (value !== null && allowed.includes(value));

function ruleMatches(rule: TerritoryRuleDto, fit: ContactFitAttributes): boolean {
  return (
    anyOf(rule.countries, fit.country) &&
    anyOf(rule.regions, regionOf(fit.country)) &&
    anyOf(rule.industries, fit.industry) &&
    anyOf(rule.employeeRanges, fit.employeeRange)
  );
}

/** The first territory (in configured order) with a rule the attributes match. */
export function territoryFor(
  fit: ContactFitAttributes | null,
  territories: readonly Territory[],
): Territory | null {
  if (!fit) return null;
  return (
    territories.find((territory) => territory.rules.some((rule) => ruleMatches(rule, fit))) ?? null
  );
}

export interface AssignmentNeed {
  territoryId: string | null;
  /** Owners to pick from round-robin; null keeps the current owner. */
  owners: string[] | null;
}

/**
 * Whether a lead must be (re)assigned: its territory differs from what the rules say, or its owner
 * is not one of its territory's owners. An owner given at creation is never replaced.
 */
export function assignmentNeed(
  lead: LeadState,
  territories: readonly Territory[],
): AssignmentNeed | null {
  const target = territoryFor(lead.fit, territories);
  const territoryId = target?.id ?? null;
  const ownerFits =
    lead.ownerPinned || !target || (lead.ownerId !== null && target.owners.includes(lead.ownerId));
  if (territoryId === lead.territoryId && ownerFits) return null;
  return { territoryId, owners: lead.ownerPinned || !target ? null : target.owners };
}
