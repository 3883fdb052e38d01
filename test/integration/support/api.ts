/**
 * Shared by the API integration tests: a hand-written fixture of three articles (written
 * through src/graph/writer.ts, the path ingest takes, so every expected value follows from
 * this file alone), a builder for more articles, and helpers that run GraphQL operations.
 */
import { expect } from 'vitest';
import type { ArticleInput } from '../../../src/graph/writer.ts';
import { makeInput, type EntitySpec } from './articles.ts';
export { makeInput, type EntitySpec, type RelationSpec } from './articles.ts';
import type { ApiServer } from '../../../src/api/server.ts';
import type { RequestHeaders } from '../../../src/api/auth.ts';


export const CHINA: EntitySpec = { name: 'China', type: 'Country', code: 'CN', aliases: ['Middle Kingdom'] };
export const ALGERIA: EntitySpec = { name: 'Algeria', type: 'Country', code: 'DZ' };
export const RUSSIA: EntitySpec = { name: 'Russia', type: 'Country', code: 'RU' };
export const BRAZIL: EntitySpec = { name: 'Brazil', type: 'Country', code: 'BR' };
export const HUAWEI: EntitySpec = { name: 'Huawei', type: 'Company' };
export const CHINA_GOV: EntitySpec = { name: 'Government of China', type: 'GovernmentBody', aliases: ['Chinese government'] };
export const UN: EntitySpec = { name: 'United Nations', type: 'Organization', aliases: ['UN'] };
export const WIC: EntitySpec = { name: 'World Internet Conference 2022', type: 'Event' };

export const S_CN_DZ = 'China and Algeria signed a cooperation agreement on the digital economy.';
export const S_HUAWEI = 'Huawei, based in China, attended the World Internet Conference 2022.';
export const S_GOV = 'The Chinese government hosted the World Internet Conference 2022 in Wuzhen.';
export const S_RU_CN = 'Russia and China pledged to deepen cooperation on cyber sovereignty.';
export const S_CN_BR = 'The Middle Kingdom also partners with Brazil on satellites.';
export const S_RU_BR = 'Russia and Brazil agreed to cooperate as well.';
export const S_CN_UN = 'China works with the United Nations on internet governance.';
export const S_DZ_CN = 'Algeria and China renewed their partnership this spring.';

export const ARTICLES: ArticleInput[] = [
  makeInput('a1', '2022-11-08', 'China and Algeria sign digital pact', `${S_CN_DZ} ${S_HUAWEI} ${S_GOV}`,
    [CHINA, ALGERIA, HUAWEI, CHINA_GOV, WIC], [
      { subject: 'China', predicate: 'PARTNERS_WITH', object: 'Algeria', evidence: S_CN_DZ, confidence: 0.9 },
      { subject: 'Huawei', predicate: 'HEADQUARTERED_IN', object: 'China', evidence: S_HUAWEI },
      { subject: 'Huawei', predicate: 'PARTICIPATES_IN', object: 'World Internet Conference 2022', evidence: S_HUAWEI, confidence: 0.7 },
      { subject: 'Government of China', predicate: 'HOSTS', object: 'World Internet Conference 2022', evidence: S_GOV },
    ]),
  makeInput('a2', '2023-03-01', 'Russia, China and Brazil deepen ties', `${S_RU_CN} ${S_CN_BR} ${S_RU_BR} ${S_CN_UN}`,
    [RUSSIA, CHINA, BRAZIL, UN], [
      // Stated Russia -> China; stored once as country:cn -> country:ru.
      { subject: 'Russia', predicate: 'PARTNERS_WITH', object: 'China', evidence: S_RU_CN, confidence: 0.85 },
      { subject: 'Middle Kingdom', predicate: 'PARTNERS_WITH', object: 'Brazil', evidence: S_CN_BR, confidence: 0.6 },
      { subject: 'Russia', predicate: 'PARTNERS_WITH', object: 'Brazil', evidence: S_RU_BR, confidence: 0.5 },
      // Not between two countries: never in the partner network.
      { subject: 'China', predicate: 'PARTNERS_WITH', object: 'United Nations', evidence: S_CN_UN, confidence: 0.55 },
    ]),
  makeInput('a3', '2023-05-10', 'Algeria and China renew partnership', S_DZ_CN, [ALGERIA, CHINA], [
    { subject: 'Algeria', predicate: 'PARTNERS_WITH', object: 'China', evidence: S_DZ_CN, confidence: 0.75 },
  ]),
];

export interface GqlError {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}
export interface GqlResult {
  data?: Record<string, unknown> | null;
  errors?: GqlError[];
}

/** Runs one operation in process with a fresh context (the given request headers). */
export async function runOn(server: ApiServer, query: string, variables: Record<string, unknown> = {}, headers: RequestHeaders = {}): Promise<GqlResult> {
  const response = await server.executeOperation({ query, variables }, { contextValue: server.context(headers) });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  const { data, errors } = response.body.singleResult;
  return { data: data ?? null, ...(errors ? { errors: errors as GqlError[] } : {}) };
}

/** Runs an operation that must succeed and returns its data. */
export async function dataOn<T>(server: ApiServer, query: string, variables: Record<string, unknown> = {}, headers: RequestHeaders = {}): Promise<T> {
  const result = await runOn(server, query, variables, headers);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}
