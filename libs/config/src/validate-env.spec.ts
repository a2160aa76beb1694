import { MinLength } from 'class-validator';
import { APP_HTTP_PORTS } from './app-ports';
import { BaseEnv } from './base-env';
import { InvalidConfigurationError, validateEnv } from './validate-env';

class TestEnv extends BaseEnv {
  override HTTP_PORT = APP_HTTP_PORTS.glossary;
}

describe('validateEnv', () => {
  it('fills every variable with its local default', () => {
    const env = validateEnv(TestEnv, {});
    expect(env).toMatchObject({
      DATABASE_URL: 'postgres://postgres:postgres@127.0.0.1:5432/sales_suite',
      NATS_URL: 'nats://127.0.0.1:4222',
      NATS_SUBJECT_PREFIX: '',
      NATS_STREAM_REPLICAS: 1,
      HTTP_PORT: 3001,
      HTTP_HOST: '0.0.0.0',
      LOG_LEVEL: 'info',
      DB_MIGRATIONS_RUN: true,
      SHUTDOWN_GRACE_MS: 10000,
    });
  });

  it('converts numbers and booleans, treats empty strings as unset, ignores unrelated variables', () => {
    const env = validateEnv(TestEnv, {
      HTTP_PORT: '8080',
      DB_MIGRATIONS_RUN: 'false',
      LOG_LEVEL: '',
      NATS_URL: 'nats://a:4222,nats://b:4222',
      NATS_STREAM_REPLICAS: '3',
      PATH: '/usr/bin',
    });
    expect(env.NATS_STREAM_REPLICAS).toBe(3);
    expect(env.HTTP_PORT).toBe(8080);
    expect(env.DB_MIGRATIONS_RUN).toBe(false);
    expect(env.LOG_LEVEL).toBe('info');
    expect(env.NATS_URL).toBe('nats://a:4222,nats://b:4222');
    expect(env).not.toHaveProperty('PATH');
  });

  it.each([
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['NATS_URL', 'localhost:4222'],
    ['NATS_SUBJECT_PREFIX', 'no-trailing-dot'],
    ['NATS_STREAM_REPLICAS', '0'],
    ['NATS_STREAM_REPLICAS', '6'],
    ['NATS_STREAM_REPLICAS', 'three'],
    ['HTTP_PORT', '70000'],
    ['HTTP_PORT', 'eighty'],
    ['LOG_LEVEL', 'loud'],
    ['DB_MIGRATIONS_RUN', 'perhaps'],
    ['SHUTDOWN_GRACE_MS', '-1'],
    ['OTEL_EXPORTER_OTLP_ENDPOINT', 'not a url'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect.assertions(2);
    try {
      validateEnv(TestEnv, { [name]: value });
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidConfigurationError);
      expect((error as InvalidConfigurationError).problems.join('\n')).toContain(name);
    }
  });

  it('never shows a secret or the password of a URL it refuses', () => {
    class SecretEnv extends TestEnv {
      @MinLength(24)
      ADMIN_KEY = 'a'.repeat(24);
    }
    let problems = '';
    try {
      validateEnv(SecretEnv, {
        ADMIN_KEY: 'short-secret-value',
        DATABASE_URL: 'mysql://app:hunter2@db/sales',
        LOG_LEVEL: 'loud',
      });
    } catch (error) {
      problems = (error as InvalidConfigurationError).problems.join('\n');
    }
    expect(problems).toContain(
      'ADMIN_KEY: ADMIN_KEY must be longer than or equal to 24 characters (got [redacted])',
    );
    expect(problems).toContain('(got "mysql://[redacted]@db/sales")');
    expect(problems).toContain('(got "loud")');
    expect(problems).not.toMatch(/short-secret-value|hunter2/);
  });

  it('reports every bad variable at once', () => {
    expect(() => validateEnv(TestEnv, { HTTP_PORT: 'x', LOG_LEVEL: 'loud' })).toThrow(
      /HTTP_PORT[\s\S]*LOG_LEVEL|LOG_LEVEL[\s\S]*HTTP_PORT/,
    );
  });
});
