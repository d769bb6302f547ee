import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../api/client';
import { SORTIE_PLACES, emptySortie, missingSortieFields, placeMessages, sortieBody } from './sortie';

describe('a sortie', () => {
  it('never offers breeding sites, which the API counts from inspections', () => {
    expect(SORTIE_PLACES).not.toContain('BREEDING_SITE');
  });

  it('sends only the places with a count, and no empty texts', () => {
    const values = emptySortie('210112', '2022-09-02');
    values.personnel = 6;
    values.vehicles = 2;
    values.places.PET_SHOP = 1;
    values.places.MARKET = 3;
    values.note = '  ';
    values.hotspot = ' 沈阳市北行花鸟鱼市场 ';
    expect(sortieBody(values)).toEqual({
      region: '210112',
      on: '2022-09-02',
      personnel: 6,
      vehicles: 2,
      places: [
        { kind: 'MARKET', count: 3 },
        { kind: 'PET_SHOP', count: 1 },
      ],
      hotspot: '沈阳市北行花鸟鱼市场',
    });
  });

  it('needs a region code and a day', () => {
    expect(missingSortieFields(emptySortie('2101', ''))).toEqual(['region', 'on']);
    expect(missingSortieFields(emptySortie('210112', '2022-09-02'))).toEqual([]);
  });

  it('shows a problem about a place under the kind the form showed, mapped from its index in the request', () => {
    const values = emptySortie('210112', '2022-09-02');
    values.places.MARKET = 3;
    values.places.PET_SHOP = -1;
    const sent = sortieBody(values);
    const problem = new ApiProblem(400, '请求有误', undefined, [
      { field: 'places[1].count', message: '不能为负数' },
      { field: 'on', message: '不在行动期间' },
    ]);
    expect(placeMessages(problem, sent, 'PET_SHOP')).toEqual(['不能为负数']);
    expect(placeMessages(problem, sent, 'MARKET')).toEqual([]);
    expect(placeMessages(problem, sent, 'HABITAT')).toEqual([]);
    expect(placeMessages(new Error('x'), sent, 'PET_SHOP')).toEqual([]);
  });
});
