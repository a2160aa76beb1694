import { Counter, Histogram } from 'prom-client';

export const annotateDuration = new Histogram({
  name: 'glossary_annotate_duration_seconds',
  help: 'Time to find term mentions in one text, inside the service (automaton search only)',
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25],
});

export const automatonBuildsTotal = new Counter({
  name: 'glossary_annotate_automaton_builds_total',
  help: 'Rebuilds of the label automaton, by what triggered them',
  labelNames: ['trigger'] as const,
});
