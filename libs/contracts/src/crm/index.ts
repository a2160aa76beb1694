export * from './account.dto';
export * from './contact.dto';
export * from './crm.events';
export * from './crm.subjects';
export * from './enrichment.dto';
export * from './import.dto';
export * from './provenance.dto';
export * from './email-address';
