import {
  DEPARTMENTS,
  EMPLOYEE_RANGE_PATTERN,
  FieldViolation,
  FitAttribute,
  REGIONS,
  ScoringModel,
  SENIORITIES,
} from '@sales-suite/contracts/core';

/** The model every new installation starts with (version 1). */
export const DEFAULT_SCORING_MODEL: ScoringModel = {
  fit: [
    {
      id: 'executive',
      attribute: 'seniority',
      values: ['owner', 'founder', 'c_suite', 'partner', 'vp'],
      points: 20,
    },
    { id: 'manager', attribute: 'seniority', values: ['head', 'director', 'manager'], points: 10 },
    {
      id: 'buying-department',
      attribute: 'department',
      values: ['sales', 'marketing'],
      points: 10,
    },
    {
      id: 'mid-market',
      attribute: 'employeeRange',
      values: ['51-200', '201-500', '501-1000', '1001-5000'],
      points: 10,
    },
    { id: 'free-mail', attribute: 'freeEmail', values: [true], points: -15 },
    { id: 'disposable-mail', attribute: 'disposableEmail', values: [true], points: -40 },
  ],
  engagement: [
    {
      id: 'email-open',
      event: 'email_opened',
      points: 3,
      halfLifeDays: 14,
      cap: { points: 9, periodDays: 7 },
    },
    {
      id: 'email-click',
      event: 'email_clicked',
      points: 5,
      halfLifeDays: 14,
      cap: { points: 15, periodDays: 7 },
    },
    { id: 'meeting', event: 'meeting_booked', points: 25, halfLifeDays: 30 },
    {
      id: 'form',
      event: 'form_submitted',
      points: 15,
      halfLifeDays: 21,
      cap: { points: 30, periodDays: 30 },
    },
    {
      id: 'web-visit',
      event: 'web_visit',
      points: 1,
      halfLifeDays: 7,
      cap: { points: 5, periodDays: 1 },
    },
    { id: 'unsubscribed', event: 'unsubscribed', points: -30, halfLifeDays: 90 },
  ],
  committee: { pointsPerRole: 5, maxPoints: 20 },
  champion: { points: 10 },
  qualification: { mqlThreshold: 50, hysteresis: 10 },
};

type ValueCheck = (value: unknown) => string | null;

const oneOf =
  (allowed: readonly string[], what: string): ValueCheck =>
  (value) =>
    typeof value === 'string' && allowed.includes(value)
      ? null
      : `${JSON.stringify(value)} is not a ${what} (one of: ${allowed.join(', ')})`;
const matching =
  (pattern: RegExp, what: string): ValueCheck =>
  (value) =>
    typeof value === 'string' && pattern.test(value)
      ? null
      : `${JSON.stringify(value)} is not ${what}`;
const boolean: ValueCheck = (value) =>
  typeof value === 'boolean' ? null : `${JSON.stringify(value)} is not true or false`;

/** What values each attribute can take: a rule testing anything else could never match. */
const VALUE_CHECKS: Record<FitAttribute, ValueCheck> = {
  seniority: oneOf(SENIORITIES, 'seniority'),
  department: oneOf(DEPARTMENTS, 'department'),
  country: matching(/^[A-Z]{2}$/, 'an ISO-3166 alpha-2 country'),
  region: oneOf(REGIONS, 'region'),
  industry: matching(/^.{1,100}$/, 'an industry name (1-100 characters)'),
  employeeRange: matching(EMPLOYEE_RANGE_PATTERN, 'an employee range such as 51-200 or 10001+'),
  freeEmail: boolean,
  disposableEmail: boolean,
  roleAccount: boolean,
};

/** Checks across fields the DTO cannot express; each violation names its field path. */
export function scoringModelViolations(model: ScoringModel): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const ids = new Set<string>();
  const checkId = (id: string, field: string) => {
    if (ids.has(id)) violations.push({ field, reason: `rule id ${id} is used twice` });
    ids.add(id);
  };
  model.fit.forEach((rule, index) => {
    checkId(rule.id, `fit.${index}.id`);
    const check = VALUE_CHECKS[rule.attribute];
    rule.values.forEach((value, valueIndex) => {
      const problem = check(value);
      if (problem)
        violations.push({
          field: `fit.${index}.values.${valueIndex}`,
          reason: `${problem} for ${rule.attribute}`,
        });
    });
  });
  const events = new Set<string>();
  model.engagement.forEach((rule, index) => {
    checkId(rule.id, `engagement.${index}.id`);
    if (events.has(rule.event))
      violations.push({
        field: `engagement.${index}.event`,
        reason: `${rule.event} already has a rule; one rule per event type`,
      });
    events.add(rule.event);
  });
  if (model.qualification.hysteresis > model.qualification.mqlThreshold)
    violations.push({
      field: 'qualification.hysteresis',
      reason: 'hysteresis must not exceed mqlThreshold',
    });
  return violations;
}
