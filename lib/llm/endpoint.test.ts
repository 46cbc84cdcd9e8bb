import { describe, expect, it } from 'vitest';
import { endpointHost, endpointOrigin, hostLocality, isLocalEndpoint, parseEndpoint } from '@/lib/llm/endpoint';

describe('parseEndpoint', () => {
  it('gives origin, host, locality and permission pattern of a Base URL, parsed once', () => {
    expect(parseEndpoint('  https://openrouter.ai/api/v1/  ')).toEqual({
      baseUrl: 'https://openrouter.ai/api/v1',
      origin: 'https://openrouter.ai',
      host: 'openrouter.ai',
      hostname: 'openrouter.ai',
      locality: 'remote',
      permissionPattern: 'https://openrouter.ai/*',
    });
    expect(parseEndpoint('http://127.0.0.1:8080/v1')).toMatchObject({
      origin: 'http://127.0.0.1:8080',
      host: '127.0.0.1:8080',
      locality: 'local',
      // Match patterns have no port.
      permissionPattern: 'http://127.0.0.1/*',
    });
    expect(parseEndpoint('http://[::1]:11434/v1')).toMatchObject({ host: '[::1]:11434', locality: 'local' });
  });

  it.each(['file:///etc', 'javascript:alert(1)', 'not a url', '', 'ftp://example.com/v1'])('%j → null', (value) => {
    expect(parseEndpoint(value)).toBeNull();
  });
});

describe('locality', () => {
  it.each([
    ['http://localhost:11434/v1', true],
    ['http://ollama.localhost/v1', true],
    ['http://gpu-box.local:8000/v1', true],
    ['http://0.0.0.0:8000/v1', true],
    ['http://127.0.0.5:1234/v1', true],
    ['http://[::1]:8080/v1', true],
    ['http://[fd12:3456::1]:8080/v1', true],
    ['http://10.1.2.3/v1', true],
    ['http://172.20.0.2:8000/v1', true],
    ['http://192.168.1.20:11434/v1', true],
    ['http://172.32.0.2/v1', false],
    ['https://api.openai.com/v1', false],
    ['https://llm-gateway.example.test/v1', false],
    ['https://localhost.example.com/v1', false],
    ['not a url', false],
  ])('%s local: %s', (baseUrl, local) => {
    expect(isLocalEndpoint(baseUrl)).toBe(local);
  });

  it('reads the locality of a host as messages name it', () => {
    expect(hostLocality('localhost:11434')).toBe('local');
    expect(hostLocality('[::1]:8080')).toBe('local');
    expect(hostLocality('api.openai.com')).toBe('remote');
    expect(hostLocality('the endpoint')).toBe('remote');
  });
});

describe('endpointHost and endpointOrigin', () => {
  it.each([
    ['https://api.openai.com/v1', 'api.openai.com'],
    ['http://localhost:11434/v1/', 'localhost:11434'],
    ['  https://openrouter.ai/api/v1  ', 'openrouter.ai'],
    ['not a url', 'not a url'],
    ['', 'the endpoint'],
  ])('host of %j → %j', (baseUrl, host) => {
    expect(endpointHost(baseUrl)).toBe(host);
  });

  it('gives the origin, or the text when it is no URL', () => {
    expect(endpointOrigin(' http://localhost:11434/v1 ')).toBe('http://localhost:11434');
    expect(endpointOrigin('not a url')).toBe('not a url');
  });
});
