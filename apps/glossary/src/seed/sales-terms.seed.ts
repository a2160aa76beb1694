/**
 * The glossary's starting vocabulary. Each definition is the seed text's sentence, verbatim
 * (shared/seeds/000_7936a5ab13e8eb0d.txt); a unit test holds them to it.
 */
export interface SeedTerm {
  slug: string;
  name: string;
  definition: string;
  aliases: string[];
  category: string;
}

export const SALES_SEED_TERMS: readonly SeedTerm[] = [
  {
    slug: 'sales-champion',
    name: 'Sales Champion',
    definition:
      "A Sales Champion is an influential individual within a customer's organization who passionately supports and promotes your solution, helping to navigate the decision-making process and ultimately pushing for your product or service to be chosen.",
    aliases: [],
    category: 'Buying process',
  },
  {
    slug: 'open-rate',
    name: 'Open Rate',
    definition:
      'An open rate is the percentage of email recipients who open a specific email out of the total number of subscribers.',
    aliases: [],
    category: 'Email marketing',
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
  },
  {
    slug: 'sales-kickoff',
    name: 'Sales Kickoff',
    definition:
      'A Sales Kickoff (SKO) is a one or two-day event typically held at the beginning of a fiscal year or quarter, where sales team members come together to receive information and training on new products, services, sales enablement technology, and company initiatives.',
    aliases: ['SKO'],
    category: 'Sales enablement',
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
  },
  {
    slug: 'lead-generation-funnel',
    name: 'Lead Generation Funnel',
    definition:
      'A lead generation funnel is a systematic process designed to attract potential customers and guide them through various stages, ultimately converting them into paying customers.',
    aliases: [],
    category: 'Lead generation',
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
  },
];
