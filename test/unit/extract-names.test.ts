import { describe, expect, it } from 'vitest';
import { entity, entitySet, extract } from './support/extract.ts';

describe('name typing beyond the gazetteer of actors', () => {
  it('knows world cities and provinces as places, with their country', () => {
    const x = extract('Engineers flew from Curitiba to Surabaya for the launch.');
    expect(entitySet(x)).toEqual(expect.arrayContaining(['Place:Curitiba', 'Place:Surabaya']));
  });

  it('does not take a common English word for a city', () => {
    const x = extract('It was a nice day and the mobile network worked.');
    expect(x.entities.filter((e) => e.type === 'Place')).toEqual([]);
  });

  it('reads initials followed by a surname as a person', () => {
    const x = extract('The report was written by K. Osei and T. van Dijk.');
    expect(entity(x, 'K. Osei', 'Person')).toBeDefined();
  });

  it('does not read a headline in capitals as one long name', () => {
    const x = extract('MINISTERS AGREE NEW DATA RULES IN GENEVA.');
    expect(x.entities.map((e) => e.name)).not.toContain('MINISTERS AGREE NEW DATA RULES');
    expect(entitySet(x)).toContain('Place:Geneva');
  });

  it('reads a city in a score line as its team, and a city elsewhere as a place', () => {
    const team = extract('Chicago beat Denver 5-3 on Sunday.');
    expect(entity(team, 'Chicago')?.type).toBe('Organization');
    const place = extract('The summit moved to Chicago on Sunday.');
    expect(entity(place, 'Chicago')?.type).toBe('Place');
  });

  it('types the members of a list alike', () => {
    const x = extract('The panel heard Maria Ressa, Nick Clegg, Tove Halvorsen and Rafael Quispe.');
    expect(entitySet(x)).toEqual(expect.arrayContaining(['Person:Tove Halvorsen', 'Person:Rafael Quispe']));
  });

  it('reads an unknown two-word name as a person when its last word later stands alone', () => {
    const x = extract('Ilkka Vartiainen chaired the session. Vartiainen said it went well.');
    expect(entity(x, 'Ilkka Vartiainen', 'Person')?.aliases).toContain('Vartiainen');
  });

  it('refers a lone head word back to the last name of its type', () => {
    const x = extract('The European Commission opened a case. The Commission said it would act.');
    expect(x.entities.filter((e) => e.type === 'GovernmentBody').map((e) => e.name)).toEqual(['European Commission']);
  });

  it('merges a company with the country after it into its national unit', () => {
    const x = extract('Vodafone Germany and Telefonica Deutschland signed the deal.');
    expect(entitySet(x)).toEqual(expect.arrayContaining(['Company:Vodafone Germany', 'Company:Telefonica Deutschland']));
  });
});

describe('names around punctuation and titles', () => {
  it('keeps an acronym in parentheses inside a longer name', () => {
    const x = extract('Ghana launched the National Artificial Intelligence (AI) Readiness Initiative on Monday.');
    expect(entity(x, 'National Artificial Intelligence (AI) Readiness Initiative', 'Policy')).toBeDefined();
  });
  it('reads "Sen." as a title, not a person', () => {
    const x = extract('Sen. Mark Okafor questioned the plan.');
    expect(x.entities.filter((e) => e.type === 'Person').map((e) => e.name)).toEqual(['Mark Okafor']);
  });
  it('reads a city that is also a first name as the start of a person\'s name', () => {
    const x = extract('Interior Minister Nancy Kowalski spoke in Nancy last week.');
    expect(entity(x, 'Nancy Kowalski', 'Person')).toBeDefined();
    expect(entity(x, 'Nancy', 'Place')).toBeDefined();
  });
  it('does not make continents into places', () => {
    const x = extract('Operators across Europe and the Pacific upgraded their networks.');
    expect(x.entities.filter((e) => e.type === 'Place')).toEqual([]);
  });
});
