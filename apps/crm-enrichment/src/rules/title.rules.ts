import type { Department, Seniority } from '@sales-suite/contracts/core';
import { memoize } from './memoize';

export interface TitleAnalysis {
  seniority: Seniority | null;
  department: Department | null;
  /** How sure the parser is: a keyword match is surer than the individual-contributor default. */
  confidence: number;
}

/** Abbreviations expanded before matching; the text is lower-cased, without accents, and `&`/`/` become spaces. */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bsr\b\.?/g, 'senior'],
  [/\bjr\b\.?/g, 'junior'],
  [/\b(?:s|e|a)vp\b/g, 'vp'],
  [/\bvice[- ]pr[eé]sident(?:e)?\b/g, 'vp'],
  [/\bmgr\b\.?/g, 'manager'],
  [/\bdir\b\.?/g, 'director'],
  [/\bmktg\b/g, 'marketing'],
  [/\bacct\b/g, 'account'],
  [/\bexec\b\.?/g, 'executive'],
  [/\bco[- ]?founder\b/g, 'founder'],
  [/\bhead honcho\b/g, 'owner'],
];

interface Rule<T> {
  value: T;
  pattern: RegExp;
}

/** Most senior first: the first rule that matches wins ("Founder & CEO" is a founder). */
const SENIORITY_RULES: Rule<Seniority>[] = [
  { value: 'owner', pattern: /\b(owner|proprietor|propri[eé]taire|inhaber(?:in)?)\b/ },
  {
    value: 'founder',
    pattern: /\b(founder|fondat(?:eur|rice)|gr[üu]nder(?:in)?|fundador(?:a)?)\b/,
  },
  {
    value: 'c_suite',
    pattern:
      /\b(c[a-z]{1,2}o|chief [a-z ]*officer|chief of staff|president|pr[ée]sident(?:e)?|managing director|general manager|directeur g[ée]n[ée]ral|directrice g[ée]n[ée]rale|pdg|gesch[äa]ftsf[üu]hrer(?:in)?|vorstand|director general|executive director)\b/,
  },
  {
    value: 'partner',
    pattern:
      /^(?:(?:managing|senior|founding|equity|general|associate) )?partner\b(?! (?:manager|marketing|success|account|development|program))/,
  },
  { value: 'vp', pattern: /\b(vp|vice president|vicepresident)\b/ },
  { value: 'head', pattern: /\b(head|(?!team)\w*leiter(?:in)?|responsable|jefe|jefa)\b/ },
  { value: 'director', pattern: /\b(director|directeur|directrice|direktor(?:in)?|directora?)\b/ },
  {
    value: 'manager',
    pattern: /\b(manager|supervisor|team lead|gerente|g[ée]rant(?:e)?|chef|\w*teamleiter(?:in)?)\b/,
  },
  {
    value: 'intern',
    pattern:
      /\b(intern|internship|stagiaire|werkstudent(?:in)?|trainee|student|apprentice|alternant(?:e)?|praktikant(?:in)?|becario)\b/,
  },
  { value: 'senior', pattern: /\b(senior|principal|staff engineer|expert|sénior|lead)\b/ },
];

/** Functional keywords; when several match, the one written first wins ("VP, Sales & Marketing"). */
const DEPARTMENT_RULES: Rule<Department>[] = [
  {
    value: 'marketing',
    pattern:
      /\b(product marketing|marketing|growth|brand|content|seo|sem|demand gen(?:eration)?|communications?|public relations|pr|social media|cmo|events?|copywriter|marketeer|mercadotecnia)\b/,
  },
  {
    value: 'customer_success',
    pattern:
      /\b(customer success|client success|csm|customer support|customer service|customer care|customer experience|support|onboarding|implementation|technical account manager|service client|kundenservice|account management)\b/,
  },
  {
    value: 'sales',
    pattern:
      /\b(sales|account executive|ae|account manager|sdr|bdr|sales development|business development|revenue|cro|commercial|commerciale|ventes?|vertrieb\w*|ventas|partner manager|inside sales|key account|partnerships?|channel)\b/,
  },
  {
    value: 'operations',
    pattern:
      /\b(revenue operations|operations|ops|revops|coo|supply chain|logistics|procurement|purchasing|facilities|office manager|op[ée]rations)\b/,
  },
  {
    value: 'product',
    pattern: /\b(product|cpo|ux|ui|user experience|user research|produit|produkt)\b/,
  },
  {
    value: 'engineering',
    pattern:
      /\b(engineer(?:ing)?|developer|development|software|devops|sre|cto|architect|qa|quality assurance|programmer|data scientist|data engineer|machine learning|it|technology|technical|tech|infrastructure|security|ciso|cio|ing[ée]nieur|d[ée]veloppeur|informatique|entwickler)\b/,
  },
  {
    value: 'finance',
    pattern:
      /\b(financ\w*|cfo|accounting|accountant|controller|controlling|treasury|fp ?a|comptable|comptabilit[ée]|finanzen|audit|tax|payroll|billing)\b/,
  },
  {
    value: 'hr',
    pattern:
      /\b(hr|human resources|people|talent|recruit(?:er|ing|ment)?|chro|hiring|ressources humaines|rh|personal|personalwesen|drh)\b/,
  },
  {
    value: 'legal',
    pattern:
      /\b(legal|counsel|lawyer|attorney|compliance|paralegal|juridique|juriste|rechtsanwalt|privacy)\b/,
  },
];

/** Leadership words that make someone part of the executive team when no function is named. */
const EXECUTIVE =
  /\b(ceo|chief executive officer|founder|owner|president|managing director|general manager|directeur g[ée]n[ée]ral|pdg|gesch[äa]ftsf[üu]hrer(?:in)?|chief of staff|executive director)\b/;

/** An individual contributor's title still says what they do; without a keyword it is `entry`. */
const DEFAULT_SENIORITY_CONFIDENCE = 0.5;
const KEYWORD_CONFIDENCE = 0.8;

function normalizeTitle(raw: string): string {
  // Accents go first: JavaScript's \b treats "é" as a word boundary ("pr|ésident").
  let text = raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[&/|,;()+]/g, ' ')
    .replace(/\s+-\s+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [pattern, replacement] of ABBREVIATIONS) text = text.replace(pattern, replacement);
  return text;
}

function earliestDepartment(text: string): Department | null {
  let best: { value: Department; index: number; length: number } | null = null;
  for (const rule of DEPARTMENT_RULES) {
    const match = rule.pattern.exec(text);
    if (!match) continue;
    const candidate = { value: rule.value, index: match.index, length: match[0].length };
    if (
      !best ||
      candidate.index < best.index ||
      (candidate.index === best.index && candidate.length > best.length)
    )
      best = candidate;
  }
  return best?.value ?? null;
}

/**
 * Reads seniority (Apollo's levels) and department from a job title as people write them in
 * English, French, German and Spanish: "VP, Sales & Marketing", "Sr. Account Executive", "SDR",
 * "Founder & CEO", "Directeur commercial".
 */
export function analyzeTitle(raw: string | null | undefined): TitleAnalysis {
  return raw ? analyzeCached(raw) : NOTHING;
}

const NOTHING: TitleAnalysis = { seniority: null, department: null, confidence: 0 };

const analyzeCached = memoize((raw: string): TitleAnalysis => {
  const text = normalizeTitle(raw);
  if (!/[a-z]/.test(text)) return NOTHING;
  const seniorityRule = SENIORITY_RULES.find((rule) => rule.pattern.test(text));
  const department = earliestDepartment(text) ?? (EXECUTIVE.test(text) ? 'executive' : 'other');
  return {
    seniority: seniorityRule?.value ?? 'entry',
    department,
    confidence: seniorityRule ? KEYWORD_CONFIDENCE : DEFAULT_SENIORITY_CONFIDENCE,
  };
}, 5_000);
