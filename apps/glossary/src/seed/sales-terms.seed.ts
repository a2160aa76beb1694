/**
 * The glossary's starting vocabulary. Each definition is the seed text's sentence, verbatim
 * (shared/seeds/000_7936a5ab13e8eb0d.txt, copied verbatim beside this file); a unit test holds
 * them to it.
 */
import type { RelationType } from '@sales-suite/contracts';
import { sortRelations } from '../terms/term-fields';
import { INVERSE_RELATION } from '../terms/term-relations';

export interface SeedTerm {
  slug: string;
  name: string;
  definition: string;
  aliases: string[];
  category: string;
  hiddenLabels?: string[];
  tags?: string[];
}

/** Links between seed terms, each stated once; the inverse goes on the other term. */
export const SALES_SEED_RELATIONS: readonly [string, RelationType, string][] = [
  ['open-rate', 'related', 'lead-generation-funnel'],
  ['closed-lost', 'related', 'sales-champion'],
  ['sales-champion', 'related', 'buying-committee'],
  ['data-driven-lead-generation', 'broader', 'lead-generation-funnel'],
  ['data-driven-lead-generation', 'related', 'dynamic-data'],
  ['crm-enrichment', 'related', 'dynamic-data'],
  ['artificial-intelligence-in-sales', 'related', 'data-driven-lead-generation'],
  ['jobs-to-be-done-framework', 'related', 'customer-centricity'],
  ['sales-territory', 'related', 'hybrid-sales-model'],
  ['sales-kickoff', 'see-also', 'sales-territory'],
];

export const SALES_SEED_TERMS: readonly SeedTerm[] = [
  {
    slug: 'sales-champion',
    name: 'Sales Champion',
    definition:
      "A Sales Champion is an influential individual within a customer's organization who passionately supports and promotes your solution, helping to navigate the decision-making process and ultimately pushing for your product or service to be chosen.",
    aliases: [],
    category: 'Buying process',
    hiddenLabels: ['sales champ', 'sales champian'],
    tags: ['b2b', 'stakeholders'],
  },
  {
    slug: 'open-rate',
    name: 'Open Rate',
    definition:
      'An open rate is the percentage of email recipients who open a specific email out of the total number of subscribers.',
    aliases: [],
    category: 'Email marketing',
    hiddenLabels: ['opens rate', 'email open rate'],
    tags: ['email', 'metrics'],
  },
  {
    slug: 'data-driven-lead-generation',
    name: 'Data-Driven Lead Generation',
    definition:
      'Data-driven lead generation is a process that leverages data and analytics to create more effective and targeted marketing campaigns, focusing on the quality of leads rather than quantity.',
    aliases: [],
    category: 'Lead generation',
  },
  {
    slug: 'closed-lost',
    name: 'Closed Lost',
    definition:
      'A Closed Lost is a term used in sales to indicate that a potential deal with a prospect has ended, and the sale will not be made.',
    aliases: [],
    category: 'Pipeline',
    hiddenLabels: ['closed lose', 'lost deal'],
    tags: ['pipeline', 'deal stage'],
  },
  {
    slug: 'sales-kickoff',
    name: 'Sales Kickoff',
    definition:
      'A Sales Kickoff (SKO) is a one or two-day event typically held at the beginning of a fiscal year or quarter, where sales team members come together to receive information and training on new products, services, sales enablement technology, and company initiatives.',
    aliases: ['SKO'],
    category: 'Sales enablement',
    hiddenLabels: ['sales kick-off', 'sales kick off'],
    tags: ['events', 'enablement'],
  },
  {
    slug: 'dynamic-data',
    name: 'Dynamic Data',
    definition:
      'Dynamic data, also known as transactional data, is information that is periodically updated, changing asynchronously over time as new information becomes available.',
    aliases: ['transactional data'],
    category: 'Data management',
  },
  {
    slug: 'artificial-intelligence-in-sales',
    name: 'Artificial Intelligence in Sales',
    definition:
      'Artificial Intelligence in Sales refers to the use of AI technologies to automate repetitive tasks, enhance sales performance, and provide valuable insights for sales teams.',
    aliases: ['AI in sales'],
    category: 'Sales technology',
  },
  {
    slug: 'crm-enrichment',
    name: 'CRM Enrichment',
    definition:
      'CRM Enrichment is the process of updating and enhancing existing records in a CRM system, ensuring that contact and account information remains accurate and up-to-date.',
    aliases: [],
    category: 'Data management',
    hiddenLabels: ['crm enrichement'],
    tags: ['crm', 'data quality'],
  },
  {
    slug: 'lead-generation-funnel',
    name: 'Lead Generation Funnel',
    definition:
      'A lead generation funnel is a systematic process designed to attract potential customers and guide them through various stages, ultimately converting them into paying customers.',
    aliases: [],
    category: 'Lead generation',
    hiddenLabels: ['lead gen funnel'],
    tags: ['lead generation', 'funnel'],
  },
  {
    slug: 'buying-committee',
    name: 'Buying Committee',
    definition:
      'A buying committee is a group of individuals within an organization responsible for making purchasing decisions, particularly in the context of B2B sales.',
    aliases: [],
    category: 'Buying process',
  },
  {
    slug: 'jobs-to-be-done-framework',
    name: 'Jobs to Be Done Framework',
    definition:
      'The Jobs to Be Done (JTBD) Framework is a structured approach for understanding and addressing customer needs by defining, categorizing, capturing, and organizing all of their needs.',
    aliases: ['JTBD'],
    category: 'Strategy',
  },
  {
    slug: 'customer-centricity',
    name: 'Customer Centricity',
    definition:
      "Customer centricity is the ability of individuals within an organization to understand their customers' situations, perceptions, and expectations, placing the customer at the center of all decisions related to delivering products, services, and experiences.",
    aliases: [],
    category: 'Strategy',
    hiddenLabels: ['customer centric', 'customer centricty'],
    tags: ['strategy'],
  },
  {
    slug: 'sales-territory',
    name: 'Sales Territory',
    definition:
      'A sales territory is a defined geographical area or segment of customers assigned to a sales representative, who is responsible for all sales activities and revenue generation within that region or customer segment.',
    aliases: [],
    category: 'Sales management',
  },
  {
    slug: 'hybrid-sales-model',
    name: 'Hybrid Sales Model',
    definition:
      'A hybrid sales model is a strategic approach that combines digital and in-person sales techniques to cater to the diverse preferences of potential and existing customers.',
    aliases: [],
    category: 'Sales management',
  },
  {
    slug: 'private-labeling',
    name: 'Private Labeling',
    definition:
      "Private labeling refers to products manufactured by one company and sold under another company's brand name.",
    aliases: [],
    category: 'Product',
    hiddenLabels: ['private labelling', 'white labeling'],
    tags: ['product'],
  },
];

/** Each seed term's relations, both ends of every link in SALES_SEED_RELATIONS. */
export function seedTermRelations(
  among: ReadonlySet<string>,
): Map<string, { type: RelationType; slug: string }[]> {
  const relations = new Map<string, { type: RelationType; slug: string }[]>();
  const add = (from: string, type: RelationType, to: string) =>
    relations.set(from, [...(relations.get(from) ?? []), { type, slug: to }]);
  for (const [from, type, to] of SALES_SEED_RELATIONS) {
    if (!among.has(from) || !among.has(to)) continue;
    add(from, type, to);
    add(to, INVERSE_RELATION[type], from);
  }
  for (const [slug, links] of relations) relations.set(slug, sortRelations(links));
  return relations;
}
