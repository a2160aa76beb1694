import { DomainError } from '../errors/domain-error';
import { createValidationPipe } from '../common/validation';
import { ScoringModelDto } from './scoring.dto';

const MODEL = {
  fit: [{ id: 'vp', attribute: 'seniority', values: ['vp'], points: 10 }],
  engagement: [{ id: 'open', event: 'email_opened', points: 3, halfLifeDays: 14 }],
  committee: { pointsPerRole: 5, maxPoints: 20 },
  champion: { points: 10 },
  qualification: { mqlThreshold: 50, hysteresis: 10 },
};

const validate = (body: unknown) =>
  createValidationPipe().transform(body, { type: 'body', metatype: ScoringModelDto });

describe('ScoringModelDto', () => {
  it('accepts a whole model', async () => {
    await expect(validate(MODEL)).resolves.toBeInstanceOf(ScoringModelDto);
  });

  it.each([
    ['committee', undefined],
    ['champion', undefined],
    ['qualification', undefined],
    ['committee', null],
    ['qualification', 'high'],
    ['champion', [10]],
  ])('refuses %s = %j, naming the field', async (field, value) => {
    const body: Record<string, unknown> = { ...MODEL, [field]: value };
    if (value === undefined) delete body[field];
    const error = (await validate(body).catch((caught: unknown) => caught)) as DomainError;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.details?.violations).toContainEqual({
      field,
      reason: `${field} must be an object`,
    });
  });
});
