import { describe, expect, it } from 'vitest';
import { nextPage, settingsFrom } from './identityProvider';

describe('the gateway sign-in settings', () => {
  it('takes the issuer, client id and scope', () => {
    expect(settingsFrom({ issuer: 'https://idp.example/realms/wildlife', clientId: 'wildlife-console', scope: 'openid profile' })).toEqual({
      issuer: 'https://idp.example/realms/wildlife',
      clientId: 'wildlife-console',
      scope: 'openid profile',
    });
  });

  it('asks for openid when no scope is named', () => {
    expect(settingsFrom({ issuer: 'https://idp.example', clientId: 'c' })?.scope).toBe('openid');
  });

  it('is none without an issuer or a client id', () => {
    expect(settingsFrom({ clientId: 'c' })).toBeNull();
    expect(settingsFrom({ issuer: 'https://idp.example', clientId: '' })).toBeNull();
    expect(settingsFrom('https://idp.example')).toBeNull();
    expect(settingsFrom(null)).toBeNull();
  });
});

describe('the page opened after signing in', () => {
  it('is the console page the sign-in began on', () => {
    expect(nextPage({ next: '/cases/C-1?tab=2' })).toBe('/cases/C-1?tab=2');
  });

  it('is my work when the state names none, or names another site', () => {
    expect(nextPage(undefined)).toBe('/work');
    expect(nextPage({})).toBe('/work');
    expect(nextPage({ next: 'https://elsewhere.example/' })).toBe('/work');
    expect(nextPage({ next: '//elsewhere.example/' })).toBe('/work');
  });
});
