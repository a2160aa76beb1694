import type { components } from '@sales-suite/client';

/** The scopes an API key can hold, as the gateway's document lists them; `admin` implies every other. */
export type Scope = components['schemas']['MeView']['scopes'][number];

export function holds(scopes: readonly string[], scope: Scope): boolean {
  return scopes.includes('admin') || scopes.includes(scope);
}

export interface Section {
  path: string;
  label: string;
  scope: Scope;
}

/** The console's sections, in the navigation's order, each shown to keys that can read it. */
export const SECTIONS: readonly Section[] = [
  { path: '/funnel', label: 'Funnel', scope: 'leads:read' },
  { path: '/leads', label: 'Leads', scope: 'leads:read' },
  { path: '/campaigns', label: 'Campaigns', scope: 'email:read' },
  { path: '/glossary', label: 'Glossary', scope: 'glossary:read' },
  { path: '/crm', label: 'CRM', scope: 'crm:read' },
];

export function visibleSections(scopes: readonly string[]): Section[] {
  return SECTIONS.filter((section) => holds(scopes, section.scope));
}
