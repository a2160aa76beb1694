export * from './consumed-events.dto';
export * from './funnel.dto';
export * from './lead-vocabulary';
export * from './lead.dto';
export * from './leads.subjects';
export * from './scoring.dto';
export * from './scoring-model';
export * from './territory.dto';
