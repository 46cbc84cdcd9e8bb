import { describe, expect, it } from 'vitest';
import {
  apiKeyOfVersion1,
  migrateSettings,
  SETTINGS_MIGRATIONS,
  type SettingsV1,
  type SettingsV2,
  type SettingsV3,
} from '@/lib/settings-migrations';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '@/lib/settings-schema';

describe('migrateSettings', () => {
  it('gives defaults when nothing is stored', () => {
    expect(migrateSettings(undefined)).toEqual({
      settings: DEFAULT_SETTINGS,
      extractedApiKey: null,
      resetReason: null,
    });
  });

  it('migrates version 1, taking the key out of the synced object', () => {
    const v1: SettingsV1 = {
      version: 1,
      provider: 'ollama',
      baseUrl: ' http://localhost:11434/v1/ ',
      model: 'llama3.1',
      apiKey: ' sk-old ',
    };
    const result = migrateSettings(v1);
    expect(result.extractedApiKey).toBe('sk-old');
    expect(result.resetReason).toBeNull();
    expect(result.settings).toEqual({
      version: 4,
      provider: 'ollama',
      baseUrl: 'http://localhost:11434/v1',
      model: 'llama3.1',
      targetLanguage: 'English',
      toolbarAction: 'sidepanel',
      theme: 'system',
      modelOverrides: {},
      parallelRequests: null,
      askAboveDollars: 0.1,
    });
    expect(JSON.stringify(result.settings)).not.toContain('sk-old');
  });

  it('migrates version 2, adding no model overrides and automatic parallel requests', () => {
    const v2: SettingsV2 = {
      version: 2,
      provider: 'openrouter',
      baseUrl: 'https://openrouter.ai/api/v1',
      model: 'openai/gpt-4o-mini',
      targetLanguage: 'German',
      toolbarAction: 'popup',
      theme: 'dark',
    };
    const result = migrateSettings(v2);
    expect(result.resetReason).toBeNull();
    expect(result.settings).toEqual({
      ...v2,
      version: 4,
      modelOverrides: {},
      parallelRequests: null,
      askAboveDollars: 0.1,
    });
  });

  it('migrates version 3, asking before runs above ten cents', () => {
    const v3: SettingsV3 = {
      version: 3,
      provider: 'openai',
      baseUrl: 'https://api.openai.com/v1',
      model: 'gpt-4o',
      targetLanguage: 'English',
      toolbarAction: 'sidepanel',
      theme: 'light',
      modelOverrides: {},
      parallelRequests: 4,
    };
    const result = migrateSettings(v3);
    expect(result.resetReason).toBeNull();
    expect(result.settings).toEqual({ ...v3, version: 4, askAboveDollars: 0.1 });
  });

  it('keeps valid model overrides and rejects impossible ones', () => {
    const override = {
      inputPricePerMillion: 0.1,
      outputPricePerMillion: 0.4,
      contextTokens: 32_768,
      maxOutputTokens: null,
    };
    expect(
      migrateSettings({ ...DEFAULT_SETTINGS, modelOverrides: { 'llama3.1': override } }).settings.modelOverrides,
    ).toEqual({
      'llama3.1': override,
    });
    const negative = migrateSettings({
      ...DEFAULT_SETTINGS,
      modelOverrides: { m: { ...override, inputPricePerMillion: -1 } },
    });
    expect(negative.resetReason).toMatch(/modelOverrides/);
  });

  it('resets corrupt settings with a reason naming the field', () => {
    const result = migrateSettings({ ...DEFAULT_SETTINGS, baseUrl: 'ftp://example.com' });
    expect(result.settings).toEqual(DEFAULT_SETTINGS);
    expect(result.resetReason).toMatch(/baseUrl: Base URL must be an http/);
    expect(migrateSettings('garbage').resetReason).toMatch(/^settings: /);
  });
});

describe('SETTINGS_MIGRATIONS, one step at a time', () => {
  const v1: SettingsV1 = {
    version: 1,
    provider: 'ollama',
    baseUrl: 'http://localhost:11434/v1',
    model: 'llama3.1',
    apiKey: 'sk-old',
    targetLanguage: 'German',
  };
  const v2: SettingsV2 = {
    version: 2,
    provider: 'ollama',
    baseUrl: 'http://localhost:11434/v1',
    model: 'llama3.1',
    targetLanguage: 'German',
    toolbarAction: 'sidepanel',
    theme: 'system',
  };
  const v3: SettingsV3 = { ...v2, version: 3, modelOverrides: {}, parallelRequests: null };

  it('has a step for every version after the first, and none beyond the current one', () => {
    const expected = Array.from({ length: SETTINGS_VERSION - 1 }, (_, index) => index + 2);
    expect(Object.keys(SETTINGS_MIGRATIONS).map(Number)).toEqual(expected);
  });

  it('to 2: drops the key, adds the theme and fills what version 1 could leave out', () => {
    expect(SETTINGS_MIGRATIONS[2]?.(v1)).toEqual(v2);
    expect(SETTINGS_MIGRATIONS[2]?.({ ...v1, targetLanguage: undefined })).toMatchObject({ targetLanguage: 'English' });
  });

  it('to 3: no model overrides, parallel requests chosen by the endpoint', () => {
    expect(SETTINGS_MIGRATIONS[3]?.(v2)).toEqual(v3);
  });

  it('to 4: asks before runs above ten cents', () => {
    expect(SETTINGS_MIGRATIONS[4]?.(v3)).toEqual({ ...v3, version: 4, askAboveDollars: 0.1 });
  });

  it('leaves a value of any other version as it is, as WXT runs every step on settings without its version record', () => {
    for (const step of Object.values(SETTINGS_MIGRATIONS)) {
      for (const stored of [DEFAULT_SETTINGS, 'garbage', 42, [], { version: 9 }]) expect(step(stored)).toBe(stored);
    }
    let value: unknown = DEFAULT_SETTINGS;
    for (const step of Object.values(SETTINGS_MIGRATIONS)) value = step(value);
    expect(value).toBe(DEFAULT_SETTINGS);
  });

  it('finds the key of version 1 only, trimmed, and none that is blank', () => {
    expect(apiKeyOfVersion1({ ...v1, apiKey: ' sk-old ' })).toBe('sk-old');
    expect(apiKeyOfVersion1({ ...v1, apiKey: '  ' })).toBeNull();
    expect(apiKeyOfVersion1({ ...v2, apiKey: 'sk-old' })).toBeNull();
    expect(apiKeyOfVersion1('sk-old')).toBeNull();
  });
});
