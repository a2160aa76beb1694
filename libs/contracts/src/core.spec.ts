/** The framework-free entry must load without Nest, Swagger, class-validator or class-transformer. */
const FRAMEWORKS = ['@nestjs/common', '@nestjs/swagger', 'class-validator', 'class-transformer'];

/** Requires `entry` in a fresh module registry where loading any framework throws, naming it. */
function requireWithoutFrameworks(entry: string): unknown {
  let loaded: unknown;
  jest.isolateModules(() => {
    for (const name of FRAMEWORKS) {
      jest.doMock(name, () => {
        throw new Error(`${name} was loaded`);
      });
    }
    loaded = jest.requireActual(entry);
  });
  return loaded;
}

describe('contracts core entry', () => {
  afterEach(() => {
    for (const name of FRAMEWORKS) jest.dontMock(name);
  });

  it('loads without any framework and exports the vocabulary, subjects, errors and tokens', () => {
    const core = requireWithoutFrameworks('./core') as Record<string, unknown>;
    for (const name of [
      'LEAD_STAGES',
      'OPEN_CLASSIFICATIONS',
      'DELIVERY_EVENT_TYPES',
      'EmailSubjects',
      'LeadSubjects',
      'ErrorCode',
      'DomainError',
      'validationFailed',
      'findUnsafeInput',
      'signPixelToken',
      'ServiceNames',
    ]) {
      expect(core[name]).toBeDefined();
    }
  });

  it('is what separates the frameworks out: the main entry does load them', () => {
    expect(() => requireWithoutFrameworks('./index')).toThrow(/was loaded/);
  });
});
