/** The scopes an API key can hold (the gateway's API_SCOPES); `admin` implies every other. */
export type Scope =
  | 'glossary:read'
  | 'glossary:write'
  | 'crm:read'
  | 'crm:write'
  | 'leads:read'
  | 'leads:write'
  | 'email:read'
  | 'email:write'
  | 'admin';

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
