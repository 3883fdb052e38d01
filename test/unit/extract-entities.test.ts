import { describe, expect, it } from 'vitest';
import { entity, entitySet, extract } from './support/extract.ts';

describe('entity recognition', () => {
  it('finds countries by name, alias and demonym, with ISO codes as ids', () => {
    const x = extract('Officials from the U.S. met Brazilian diplomats and a delegation from South Korea.');
    expect(entitySet(x)).toEqual(expect.arrayContaining(['Country:United States', 'Country:Brazil', 'Country:South Korea']));
    expect(entity(x, 'United States')?.id).toBe('country:us');
    expect(entity(x, 'Brazil')?.aliases).toContain('Brazilian');
  });

  it('does not read a lower-case word as a country acronym', () => {
    const x = extract('Let us hope the talks go well.');
    expect(entitySet(x)).not.toContain('Country:United States');
  });

  it('types unknown names from their head word', () => {
    const x = extract(
      'The Ministry of Digital Affairs and the Lagos Institute of Network Studies will attend the Pacific Cable Summit, which discussed the Data Sharing Act.',
    );
    expect(entitySet(x)).toEqual(
      expect.arrayContaining([
        'GovernmentBody:Ministry of Digital Affairs',
        'Organization:Lagos Institute of Network Studies',
        'Event:Pacific Cable Summit',
        'Policy:Data Sharing Act',
      ]),
    );
  });

  it('types a name from a descriptor before it', () => {
    const x = extract('Norwegian software firm Vexaro opened an office.');
    expect(entity(x, 'Vexaro')?.type).toBe('Company');
  });

  it('recognises people by first name, by title and by a following speech verb', () => {
    const x = extract('Maria Lopez met Senator Okonkwo Adeyemi. Wang Jiahao said the rules were fair.');
    expect(entitySet(x)).toEqual(expect.arrayContaining(['Person:Maria Lopez', 'Person:Okonkwo Adeyemi', 'Person:Wang Jiahao']));
  });

  it('folds a surname into the full name and keeps it as an alias', () => {
    const x = extract('Maria Lopez chairs the panel. Lopez later told reporters she was pleased.');
    const people = x.entities.filter((e) => e.type === 'Person');
    expect(people).toHaveLength(1);
    expect(people[0]?.aliases).toContain('Lopez');
    expect(people[0]?.mentions).toHaveLength(2);
  });

  it('takes an abbreviation in parentheses as an alias of the name before it', () => {
    const x = extract('The Global Cable Alliance (GCA) met on Monday. The GCA said it would grow.');
    const e = entity(x, 'Global Cable Alliance', 'Organization');
    expect(e?.aliases).toContain('GCA');
    expect(e?.mentions.length).toBe(3);
  });

  it('names a country\'s government "Government of X" and keeps the country mentioned', () => {
    const x = extract('The Kenyan government announced new rules.');
    expect(entitySet(x)).toEqual(expect.arrayContaining(['GovernmentBody:Government of Kenya', 'Country:Kenya']));
    expect(entity(x, 'Government of Kenya')?.aliases).toContain('Kenyan government');
  });

  it('uses "the" in government names of countries that take it', () => {
    const x = extract("The U.S. government responded quickly.");
    expect(entitySet(x)).toContain('GovernmentBody:Government of the United States');
  });

  it('reads a capital as its state when it acts, and as a place after "in"', () => {
    const acting = extract('Canberra rejected the offer.');
    expect(entity(acting, 'Australia', 'Country')?.aliases).toContain('Canberra');
    const place = extract('The talks were held in Canberra.');
    expect(entity(place, 'Canberra', 'Place')).toBeDefined();
    expect(entity(place, 'Australia')).toBeUndefined();
  });

  it('gives a recurring event the year of the article, or the adjacent year', () => {
    const dated = extract('Delegates arrived for the World Internet Conference.', '2019-10-20');
    expect(entity(dated, 'World Internet Conference 2019', 'Event')).toBeDefined();
    const explicit = extract('The 2016 Internet Governance Forum was held in Mexico.', '2020-01-01');
    expect(entity(explicit, 'Internet Governance Forum 2016', 'Event')).toBeDefined();
  });

  it('reads an event name in an organisational role as the organisation', () => {
    const x = extract('Zhou Min, deputy secretary general of the World Internet Conference, spoke.');
    expect(entity(x, 'World Internet Conference', 'Organization')).toBeDefined();
  });

  it('finds place names with a province suffix and strips it from the canonical name', () => {
    const x = extract('The plant is in Qinghai province.');
    const place = entity(x, 'Qinghai', 'Place');
    expect(place?.aliases).toContain('Qinghai province');
  });

  it('finds topics from the controlled list only', () => {
    const x = extract('The talks covered artificial intelligence, cyber security and gardening.');
    const topics = x.entities.filter((e) => e.type === 'Topic').map((e) => e.name);
    expect(topics.sort()).toEqual(['artificial intelligence', 'cybersecurity']);
  });

  it('finds lower-case policies after an adopting verb', () => {
    const x = extract('Vietnam adopted a national strategy for cloud computing last week.');
    const policy = x.entities.find((e) => e.type === 'Policy');
    expect(policy?.name).toBe('national strategy for cloud computing');
  });

  it('splits a known name glued to the next word', () => {
    const x = extract('Leaders of Huaweiand other firms came.');
    expect(entity(x, 'Huawei', 'Company')?.mentions[0]).toMatchObject({ text: 'Huawei' });
  });

  it('gives mention offsets into the body as UTF-16 code units', () => {
    const body = 'Émile said “yes” — then Nokia and Ericsson signed a deal with Finland 🇫🇮 and Sweden.';
    const x = extract(body);
    for (const e of x.entities) for (const m of e.mentions) expect(body.slice(m.start, m.end)).toBe(m.text);
    expect(entity(x, 'Sweden')?.mentions[0]?.start).toBe(body.indexOf('Sweden'));
  });
});
